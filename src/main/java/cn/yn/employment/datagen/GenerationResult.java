package cn.yn.employment.datagen;

/** Rows written and the time it took. */
public record GenerationResult(int enterprises, long reports, long layoffWarnings, long millis) {
}
