package vn.friendlygov.common.text;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;

/**
 * Every string that enters a service as JSON is NFC-normalised on the way in, so that text typed with combining
 * marks ("Phu\u0300 Lie\u0303n") and precomposed text ("Phù Liễn") are stored, compared and searched alike.
 */
@Singleton
public class NfcJsonCustomizer implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        SimpleModule module = new SimpleModule("nfc-strings");
        module.addDeserializer(String.class, new StringDeserializer() {
            @Override
            public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
                return VietnameseText.nfc(super.deserialize(p, ctxt));
            }
        });
        mapper.registerModule(module);
    }
}
