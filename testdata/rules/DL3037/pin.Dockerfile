FROM opensuse/leap:15.6
RUN zypper -n install nginx vim=9.0 'git>=2.40' curl-8.0 /tmp/x.rpm "$PKG"
RUN zypper -n --from repo install \
    # comment
    jq && zypper -n remove nano
ONBUILD RUN zypper -n in less
