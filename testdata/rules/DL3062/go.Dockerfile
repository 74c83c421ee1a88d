FROM golang:1.22
RUN go install golang.org/x/tools/gopls@latest github.com/a/b@v1.2.3 example.com/c
RUN go install ./cmd/... && go install . && go build ./... && go install
RUN go get github.com/x/y && go get -u github.com/x/z@v0.1.0 && go run main.go arg && go run example.com/tool@none
RUN go run -tags x example.com/gen arg1 \
    # comment
    && CGO_ENABLED=0 go install "$TOOL"
ONBUILD RUN go install example.com/late
RUN ["go", "install", "example.com/exec"]
