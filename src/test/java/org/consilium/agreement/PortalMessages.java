package org.consilium.agreement;

import java.util.Arrays;
import java.util.Properties;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.context.MessageSource;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.core.io.ClassPathResource;

/** The portal's message source as Spring Boot builds it from application.yml, for tests that start no Spring. */
final class PortalMessages {

    private PortalMessages() {
    }

    static MessageSource load() {
        YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
        yaml.setResources(new ClassPathResource("application.yml"));
        Properties settings = yaml.getObject();
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        // Only the files that exist: a basename listed for a feature not merged yet would log a warning per lookup.
        messages.setBasenames(Arrays.stream(settings.getProperty("spring.messages.basename").split("\\s*,\\s*"))
                .filter(name -> new ClassPathResource(name + ".properties").exists()).toArray(String[]::new));
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return messages;
    }
}
