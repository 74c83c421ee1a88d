#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    dlint_fuzz::lsp_edits(data);
});
