//! The page's components, one per file.

pub mod app;
pub mod check_form;
pub mod fact_group;
pub mod fact_item;
pub mod field_errors;
pub mod lang_switch;
pub mod query_log;
pub mod resolver_field;
pub mod results;
pub mod text_field;
