# Safe: plain words; the shell-form ENTRYPOINT ignores the CMD.
FROM debian:12 AS plain
ENTRYPOINT /usr/bin/tini \
    # the init
    -- app
CMD app --port=8080 'two words' ""
# Unsafe: an exec-form ENTRYPOINT receives the CMD.
FROM plain AS wrapped
ENTRYPOINT ["/entrypoint.sh"]
CMD serve
# No fix: shell syntax, builtins, assignments.
FROM debian:12 AS shelly
CMD echo $HOME
CMD exec app
CMD PORT=80 app
CMD app && other
ONBUILD CMD app
# No fix under SHELL.
FROM debian:12 AS bash
SHELL ["/bin/bash", "-c"]
CMD app
