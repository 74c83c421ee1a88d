FROM python:3.12-slim AS build
CMD python manage.py migrate
CMD ["gunicorn", "app.wsgi"]
cmd gunicorn \
    app.wsgi
ONBUILD CMD ["a"]
# Each stage has its own CMD.
FROM build
CMD ["b"]
ONBUILD CMD ["c"]
ONBUILD CMD ["d"]
