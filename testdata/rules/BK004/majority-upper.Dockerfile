FROM alpine:3.20
Run echo hello
run echo lower
ENV A=1
ONBUILD run echo trigger
EntryPoint ["sh"]
