# A HEALTHCHECK in a builder stage or an ONBUILD trigger does not count for the final stage.
FROM node:22 AS build
HEALTHCHECK CMD true
FROM nginx:1.27
ONBUILD HEALTHCHECK CMD curl -f http://localhost/
COPY --from=build /dist /usr/share/nginx/html
