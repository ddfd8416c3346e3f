package dev.polylink.core;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.immutables.value.Value;
import org.immutables.value.Value.Style.BuilderVisibility;
import org.immutables.value.Value.Style.ImplementationVisibility;

/**
 * How Immutables generates this package's value types: package-private implementations and
 * builders, generated setters named {@code set*} behind the hand-written public builders, no
 * {@code with*} copies, JDK collections only, a missing required part is a NullPointerException
 * naming it. An accessor named {@code frozen*} is the attribute without that prefix ({@code
 * Link.frozenProviderFields()} is the attribute {@code providerFields}, stored without a copy, while
 * the public {@code providerFields()} returns it as a map). Source retention: no Immutables annotation with values reaches the class files users
 * compile against, so their javac has nothing to warn about without the annotations jar.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.SOURCE)
@Value.Style(
    init = "set*",
    get = {"get*", "frozen*"},
    add = "add*Element",
    visibility = ImplementationVisibility.PACKAGE,
    builderVisibility = BuilderVisibility.PACKAGE,
    overshadowImplementation = true,
    jdkOnly = true,
    throwForInvalidImmutableState = NullPointerException.class,
    defaults = @Value.Immutable(copy = false))
@interface ValueStyle {}
