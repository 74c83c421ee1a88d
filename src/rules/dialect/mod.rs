//! Shell dialects: what the shell that runs a RUN script understands.

pub mod df040;
