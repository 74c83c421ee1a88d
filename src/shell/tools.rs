//! What dlint knows about the tools people run in RUN: package managers and their install commands.
