//! The integration-test binary: one crate, one module per area.

mod support;

mod rule_docs;
mod rule_fixtures;
