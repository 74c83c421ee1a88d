FROM nginx:1.27
CMD nginx -g "daemon off;"
ENTRYPOINT /docker-entrypoint.sh \
    # continued
    --verbose
CMD ["nginx", "-g", "daemon off;"]
ENTRYPOINT ["/docker-entrypoint.sh"]
HEALTHCHECK CMD curl -f http://localhost/ || exit 1
ONBUILD CMD ./start.sh
RUN echo shell form is fine for RUN
