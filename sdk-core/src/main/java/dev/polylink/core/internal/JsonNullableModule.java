package dev.polylink.core.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.BeanPropertyWriter;
import com.fasterxml.jackson.databind.ser.BeanSerializerModifier;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.databind.type.TypeFactory;
import dev.polylink.core.spi.JsonNullable;
import java.io.IOException;
import java.util.List;

/**
 * Teaches Jackson {@link JsonNullable}: a bean property holding {@link JsonNullable#undefined()} is
 * left out, any other is written as its value ({@code null} included); reading, a missing property
 * is undefined and an explicit {@code null} is {@code of(null)}.
 */
public final class JsonNullableModule extends SimpleModule {
  private static final long serialVersionUID = 1L;

  /** The module, to register on a mapper. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public JsonNullableModule() {
    super("polylink-json-nullable");
    addSerializer((Class) JsonNullable.class, new Serializer());
    addDeserializer((Class) JsonNullable.class, new Deserializer(TypeFactory.unknownType()));
    setSerializerModifier(new BeanSerializerModifier() {
      private static final long serialVersionUID = 1L;

      @Override
      public List<BeanPropertyWriter> changeProperties(
          SerializationConfig config, BeanDescription description, List<BeanPropertyWriter> writers) {
        writers.replaceAll(w -> w.getType().hasRawClass(JsonNullable.class) ? new SkipUndefined(w) : w);
        return writers;
      }
    });
  }

  /** Leaves an undefined property out of the object. */
  private static final class SkipUndefined extends BeanPropertyWriter {
    private static final long serialVersionUID = 1L;

    SkipUndefined(BeanPropertyWriter base) {
      super(base);
    }

    @Override
    public void serializeAsField(Object bean, JsonGenerator gen, SerializerProvider provider) throws Exception {
      Object value = get(bean);
      if (value instanceof JsonNullable<?> nullable && !nullable.isPresent()) {
        return;
      }
      super.serializeAsField(bean, gen, provider);
    }
  }

  /** Writes the value (or {@code null}); an undefined one outside a bean is written as {@code null}. */
  private static final class Serializer extends StdSerializer<JsonNullable<?>> {
    private static final long serialVersionUID = 1L;

    Serializer() {
      super(JsonNullable.class, false);
    }

    @Override
    public void serialize(JsonNullable<?> value, JsonGenerator gen, SerializerProvider provider) throws IOException {
      provider.defaultSerializeValue(value.isPresent() ? value.get() : null, gen);
    }
  }

  /** Reads the value with the declared type argument. */
  private static final class Deserializer extends StdDeserializer<JsonNullable<?>> implements ContextualDeserializer {
    private static final long serialVersionUID = 1L;

    private final JavaType contentType;

    Deserializer(JavaType contentType) {
      super(JsonNullable.class);
      this.contentType = contentType;
    }

    @Override
    public JsonDeserializer<?> createContextual(DeserializationContext context, BeanProperty property) {
      JavaType type = property != null ? property.getType() : context.getContextualType();
      return new Deserializer(type == null ? TypeFactory.unknownType() : type.containedTypeOrUnknown(0));
    }

    @Override
    public JsonNullable<?> deserialize(JsonParser parser, DeserializationContext context) throws IOException {
      return JsonNullable.of(context.readValue(parser, contentType));
    }

    @Override
    public JsonNullable<?> getNullValue(DeserializationContext context) {
      return JsonNullable.of(null);
    }

    @Override
    public Object getAbsentValue(DeserializationContext context) {
      return JsonNullable.undefined();
    }
  }
}
