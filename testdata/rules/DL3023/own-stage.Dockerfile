FROM node:22 AS Build
RUN npm run build
COPY --from=build /src/dist /dist
COPY --from=0 /src/dist /dist2
ONBUILD COPY --from=build /a /b

FROM nginx:1.27 AS web
COPY --from=build /src/dist /usr/share/nginx/html
COPY --from=1 /etc/nginx /etc/nginx
COPY --from=WEB /etc/nginx /etc/nginx2
COPY --from=${SELF} /x /y
