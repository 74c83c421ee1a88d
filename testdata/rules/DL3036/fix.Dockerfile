# The fix appends `zypper clean -a` when the RUN ends with the install.
FROM opensuse/leap:15.6
RUN zypper -n install nginx=1.21.5
RUN zypper -n in curl=8.0 && zypper -n in git=2.0
RUN zypper -n install vim=9.0 && ls
