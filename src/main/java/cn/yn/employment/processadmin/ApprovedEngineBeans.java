package cn.yn.employment.processadmin;

import java.util.AbstractMap;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.beans.factory.BeanFactory;

/**
 * The only Spring beans the process engine's expressions can resolve: the allow-listed delegate beans. Given to
 * the engine as its {@code beans} map, so {@code ${dataSource}} or {@code ${jdbcTemplate}} resolve to nothing at
 * run time even in a model that never went through the validator (deployed by hand, or an old version). Beans
 * are looked up when an expression asks for them, not when the engine starts: the delegates themselves depend on
 * the engine's services.
 */
final class ApprovedEngineBeans extends AbstractMap<Object, Object> {

    private final Set<String> names;
    private final BeanFactory beans;

    ApprovedEngineBeans(Set<String> names, BeanFactory beans) {
        this.names = Set.copyOf(names);
        this.beans = beans;
    }

    @Override
    public boolean containsKey(Object key) {
        return key instanceof String name && names.contains(name) && beans.containsBean(name);
    }

    @Override
    public Object get(Object key) {
        return containsKey(key) ? beans.getBean((String) key) : null;
    }

    @Override
    public Set<Entry<Object, Object>> entrySet() {
        return names.stream().filter(beans::containsBean)
                .map(n -> (Entry<Object, Object>) new SimpleImmutableEntry<Object, Object>(n, beans.getBean(n)))
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }
}
