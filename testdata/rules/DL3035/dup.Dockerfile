FROM opensuse/leap:15.6
RUN zypper -n dist-upgrade && zypper dup -y
RUN zypper -n update && zypper -n install dist-upgrade
ONBUILD RUN zypper \
    # comment
    dup
