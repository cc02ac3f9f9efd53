-- Which parts of the demo data have been seeded (default profile only): the base data ("base") and each
-- module's DemoDataContributor (by class name). A marker row means "done, do not seed again".
create table demo_seed_marker (
    marker_key varchar(200) not null primary key,
    seeded_at  timestamp with time zone not null
);
