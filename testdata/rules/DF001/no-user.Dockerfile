# A USER in a builder stage does not carry over to an unrelated final stage.
FROM node:22 AS build
USER node
RUN npm run build
FROM nginx:1.27
COPY --from=build /src/dist /usr/share/nginx/html
ONBUILD USER nginx
