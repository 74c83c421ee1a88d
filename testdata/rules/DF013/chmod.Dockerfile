FROM debian:12
RUN chmod 777 /app && chmod -R 0777 /data && chmod 1777 /shared && chmod 755 /bin/x
RUN chmod a+rwx /app && chmod -R o+w /data && chmod u+rwx,go+rw /x && chmod +x /y && chmod 666 /z
RUN sudo chmod \
    # comment
    -R 777 /srv
ONBUILD RUN chmod 777 /late
RUN ["chmod", "777", "/exec"]
RUN chmod 0775 /group && chmod g+w /g && chmod o-w /o
