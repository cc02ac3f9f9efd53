package cn.yn.employment.processadmin;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The beans an edited model may name in {@code delegateExpression}: those the shipped models in
 * {@code processes/} already use (collected at start-up) plus {@code app.processadmin.allowed-beans}.
 */
@Component
class AllowedBeans {

    private static final Logger log = LoggerFactory.getLogger(AllowedBeans.class);
    private static final Pattern DELEGATE = Pattern.compile("^\\$\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*}$");

    private final Set<String> names;

    AllowedBeans(@Value("${app.processadmin.allowed-beans:}") String configured) throws IOException {
        Set<String> all = new TreeSet<>();
        Arrays.stream(configured.split(",")).map(String::trim).filter(s -> !s.isEmpty()).forEach(all::add);
        Resource[] models = new PathMatchingResourcePatternResolver().getResources("classpath*:processes/**/*.bpmn20.xml");
        for (Resource r : models) {
            try (InputStream in = r.getInputStream()) {
                Document doc = SafeXml.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                collect(doc.getDocumentElement(), all);
            } catch (Exception e) {
                log.warn("could not read {} for the bean allow-list: {}", r, e.getMessage());
            }
        }
        this.names = Set.copyOf(all);
        log.info("process models may use these delegate beans: {}", names);
    }

    private static void collect(Element e, Set<String> into) {
        for (String ns : BpmnModelValidator.ENGINE_NS) {
            addIfDelegate(e.getAttributeNS(ns, "delegateExpression"), into);
        }
        if (e.getNamespaceURI() != null && BpmnModelValidator.ENGINE_NS.contains(e.getNamespaceURI())) {
            addIfDelegate(e.getAttribute("delegateExpression"), into);
        }
        NodeList children = e.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i) instanceof Element c) {
                collect(c, into);
            }
        }
    }

    private static void addIfDelegate(String value, Set<String> into) {
        if (value != null && !value.isBlank()) {
            Matcher m = DELEGATE.matcher(value.trim());
            if (m.matches()) {
                into.add(m.group(1));
            }
        }
    }

    Set<String> names() {
        return names;
    }
}
