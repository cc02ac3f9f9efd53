package cn.yn.employment.common;

/**
 * The name of an administrative region (行政区划) by its code, for modules that may not depend on the code tables
 * (the UI shell): implemented by the codes module. Unknown codes come back unchanged.
 */
public interface RegionNames {

    String nameOf(String regionCode);
}
