//! General shell commands in RUN: tools that make no sense in a build, risky downloads and
//! permissions, and how RUN instructions are split.

pub mod df012;
pub mod df013;
pub mod dl3001;
pub mod dl3046;
pub mod dl3047;
pub mod dl3059;
pub mod dl4001;
pub mod dl4005;
