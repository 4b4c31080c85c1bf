package org.shebao.engine.internal.rest;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

import javax.ws.rs.BadRequestException;
import javax.ws.rs.Consumes;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.MultivaluedMap;
import javax.ws.rs.ext.MessageBodyReader;
import javax.ws.rs.ext.MessageBodyWriter;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsMediaType;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * JSON for the platform application, {@code application/json} and {@code application/problem+json}:
 * ISO-8601 dates, {@code YYYY-MM} months, money as decimal strings, records as objects. Resources and plugins require it with
 * {@code @JSONRequired}.
 */
@Component(service = {MessageBodyReader.class, MessageBodyWriter.class})
@JaxrsExtension
@JaxrsName("shebao-json")
@JaxrsMediaType({MediaType.APPLICATION_JSON, JsonProvider.PROBLEM_JSON})
@JaxrsApplicationSelect(ShebaoApplication.SELECT)
@Consumes({MediaType.APPLICATION_JSON, "application/*+json"})
@Produces({MediaType.APPLICATION_JSON, "application/*+json"})
public class JsonProvider implements MessageBodyReader<Object>, MessageBodyWriter<Object> {

    public static final String PROBLEM_JSON = "application/problem+json";

    private final ObjectMapper mapper = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            // money is a decimal string with its two places ("815.40"), never a binary number
            .addModule(new com.fasterxml.jackson.databind.module.SimpleModule("shebao-money")
                    .addSerializer(java.math.BigDecimal.class, new com.fasterxml.jackson.databind.ser.std.StdSerializer<>(
                            java.math.BigDecimal.class) {
                        @Override
                        public void serialize(java.math.BigDecimal value, JsonGenerator gen,
                                com.fasterxml.jackson.databind.SerializerProvider provider) throws IOException {
                            gen.writeString(value.toPlainString());
                        }
                    }))
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            // the container owns the request and response streams
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
            .disable(JsonParser.Feature.AUTO_CLOSE_SOURCE)
            .build();

    private static boolean json(MediaType mediaType) {
        return mediaType != null && ("json".equalsIgnoreCase(mediaType.getSubtype())
                || mediaType.getSubtype().toLowerCase(java.util.Locale.ROOT).endsWith("+json"));
    }

    private static boolean plainObject(Class<?> type) {
        return !(InputStream.class.isAssignableFrom(type) || byte[].class == type
                || javax.ws.rs.core.StreamingOutput.class.isAssignableFrom(type) || java.io.File.class == type);
    }

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return json(mediaType) && plainObject(type);
    }

    @Override
    public Object readFrom(Class<Object> type, Type genericType, Annotation[] annotations, MediaType mediaType,
            MultivaluedMap<String, String> httpHeaders, InputStream entityStream) throws IOException {
        try {
            return mapper.readValue(entityStream, mapper.constructType(genericType));
        } catch (JsonProcessingException e) {
            throw new BadRequestException("malformed JSON", e);
        }
    }

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return json(mediaType) && plainObject(type);
    }

    @Override
    public void writeTo(Object value, Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType,
            MultivaluedMap<String, Object> httpHeaders, OutputStream entityStream) throws IOException {
        mapper.writeValue(entityStream, value);
    }
}
