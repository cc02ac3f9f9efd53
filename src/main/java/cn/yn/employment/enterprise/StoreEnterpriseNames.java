package cn.yn.employment.enterprise;

import cn.yn.employment.common.EnterpriseNames;
import java.util.Collection;
import java.util.Map;
import org.springframework.stereotype.Component;

/** {@link EnterpriseNames} from the enterprise table, one query per batch of ids. */
@Component
class StoreEnterpriseNames implements EnterpriseNames {

    private final EnterpriseStore store;

    StoreEnterpriseNames(EnterpriseStore store) {
        this.store = store;
    }

    @Override
    public Map<Long, String> namesOf(Collection<Long> enterpriseIds) {
        return store.names(enterpriseIds);
    }
}
