package cn.yn.employment.forwarding;

/** A package's zip for download, exactly as built (and as delivered). */
public record PackageFile(String fileName, String sha256, byte[] content) {
}
