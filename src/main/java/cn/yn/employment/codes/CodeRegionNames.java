package cn.yn.employment.codes;

import cn.yn.employment.common.RegionNames;
import org.springframework.stereotype.Component;

/** {@link RegionNames} from the current region code table. */
@Component
class CodeRegionNames implements RegionNames {

    private final CodeService codes;

    CodeRegionNames(CodeService codes) {
        this.codes = codes;
    }

    @Override
    public String nameOf(String regionCode) {
        return codes.nameOf(CodeType.REGION, regionCode);
    }
}
