/**
 * National forwarding (上报部, DOMAIN.md §8): after a period closes, the province builds the ministry dataset of
 * its accepted reports (CSV, XML, summary, manifest with SHA-256 checksums, zipped), sends it through the
 * {@link cn.yn.employment.forwarding.MinistryGateway} port with retry, keeps a log of every transmission, takes
 * acknowledgements, and ships corrections made after sending as numbered supplements (补充包). Owns the tables
 * {@code forwarding_package}, {@code forwarding_record} and {@code forwarding_transmission}; reads reports only
 * through {@code report.AcceptedReports}. Layout: docs/forwarding.md.
 */
package cn.yn.employment.forwarding;
