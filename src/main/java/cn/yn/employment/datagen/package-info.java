/**
 * Province-scale data generator for benchmarks and the "large demo": enterprises over the 16 cities and 129
 * counties and months of accepted report history, written with bulk JDBC batches (not one transaction per row).
 * It writes the enterprise and report tables directly, as the legacy import would.
 */
package cn.yn.employment.datagen;
