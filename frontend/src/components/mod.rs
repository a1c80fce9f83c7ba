//! The page's components, one per file.

pub mod app;
pub mod cannot_check;
pub mod check_card;
pub mod check_form;
pub mod check_visuals;
pub mod copy_button;
pub mod dqs_field;
pub mod fact_group;
pub mod fact_item;
pub mod field_errors;
pub mod lang_switch;
pub mod message_field;
pub mod provider_checklist;
pub mod query_log;
pub mod report;
pub mod report_toolbar;
pub mod resolver_field;
pub mod results;
pub mod snapshot_banner;
pub mod text_field;
