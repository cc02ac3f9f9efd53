-- The drafts a period's close turned 缺报 belong to the report module (it writes them; the calendar only says when
-- windows end): docs/adr table ownership.
alter table period_missing_draft rename to report_missing_draft;
