-- Statistics (issue 15, ADR 0033): the trend's 较上期增减 on the comparable basis (可比口径) per (period, previous
-- period) pair, frozen as cells fine enough that every filter without "largest N excluded" is a sum over them.
-- A pair row records the fingerprint of both periods' accepted reports the cells were computed from; a read whose
-- fingerprint differs recomputes the pair, so no invalidation hook is needed. Owned by the statistics module.
create table statistics_pair (
    period_code        varchar(7)   not null,
    previous_code      varchar(7)   not null,
    fingerprint        varchar(255) not null,
    enterprises        bigint       not null,
    headcount          bigint       not null,
    previous_headcount bigint       not null,
    computed_at        timestamp with time zone not null,
    constraint pk_statistics_pair primary key (period_code, previous_code)
);

create table statistics_pair_cell (
    period_code        varchar(7)  not null,
    previous_code      varchar(7)  not null,
    city_code          varchar(6),
    county_code        varchar(6),
    industry_section   varchar(1),
    industry_division  varchar(2),
    registration_type  varchar(3),
    enterprises        bigint      not null,
    headcount          bigint      not null,
    previous_headcount bigint      not null
);
create index ix_statistics_pair_cell_pair on statistics_pair_cell (period_code, previous_code);
