FROM ruby:3.3
RUN gem install rails bundler:2.5.6
RUN gem install rake -v 13.1.0 && gem install --version=1.0 json && gem install --no-document puma
RUN gem i -N sinatra && gem install --install-dir /gems nokogiri:1.16.0 && gem update --system
RUN gem install \
    # comment
    rspec
ONBUILD RUN sudo gem install "$GEM" thor
