-- Who deployed which process version from the process-admin editor, and why. Deployments made by the
-- engine's auto-deployer (processes/*.bpmn20.xml at start-up) have no row here.
create table process_deployment_note (
    deployment_id  varchar(64)   not null primary key,
    process_key    varchar(255)  not null,
    deployed_by    varchar(64)   not null,
    deploy_comment varchar(1000) not null,
    deployed_at    timestamp with time zone not null
);
create index ix_process_deployment_note_key on process_deployment_note (process_key);
