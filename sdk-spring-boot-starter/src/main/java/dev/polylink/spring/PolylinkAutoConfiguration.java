package dev.polylink.spring;

import dev.polylink.core.LinkClient;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Import;

/**
 * Creates a {@link LinkClient} bean, named {@code <provider>LinkClient} and typed as the provider's
 * client ({@code XqrClient}, ...), for every provider configured with {@code polylink.<provider>.*}
 * properties, the keys of {@code LinkClients.create} in kebab case:
 *
 * <pre>
 * polylink.xqr.api-key=${XQR_API_KEY}
 * polylink.shortpen.api-key=${SHORTPEN_API_KEY}
 * polylink.shortpen.default-domain-id=1
 * </pre>
 *
 * <p>Every {@code LinkClientListener} bean is added to every client, then every {@link
 * LinkClientBuilderCustomizer} adjusts its builder. The clients are closed with the context.
 */
@AutoConfiguration
@ConditionalOnClass(LinkClient.class)
@Import(PolylinkClientRegistrar.class)
public class PolylinkAutoConfiguration {}
