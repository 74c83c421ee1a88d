# escape=`
FROM debian:12
RUN <<EOF
set -o pipefail
[[ -f x ]] && echo ${list[0]}
EOF
RUN <<EOF
#!/bin/bash
set -o pipefail
[[ -f x ]] && echo ${list[0]}
EOF
RUN bash -e <<EOF
source /etc/profile
EOF
RUN python3 <<EOF
a = [1, 2]
EOF
RUN cat <<EOF > /etc/script.sh
[[ -f x ]]
EOF
RUN source /a `
    && echo {x,y}
ONBUILD RUN source /etc/profile
