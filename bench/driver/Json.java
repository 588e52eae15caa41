package bench.driver;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** The results files, written with Jackson (from the target jar): decimals to 4 places, NaN and infinities as null. */
final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new SimpleModule().addSerializer(Double.class, new Decimal()))
            .enable(SerializationFeature.INDENT_OUTPUT);

    private Json() {
    }

    /** {@code value} (maps, lists, numbers, strings) as pretty-printed JSON, with a final newline. */
    static void write(Path file, Object value) throws IOException {
        Files.writeString(file, text(value) + "\n");
    }

    static String text(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final class Decimal extends StdSerializer<Double> {
        private static final long serialVersionUID = 1L;

        Decimal() {
            super(Double.class);
        }

        @Override
        public void serialize(Double value, JsonGenerator out, SerializerProvider provider) throws IOException {
            if (Double.isFinite(value)) {
                out.writeNumber(String.format(Locale.ROOT, "%.4f", value));
            } else {
                out.writeNull();
            }
        }
    }
}
