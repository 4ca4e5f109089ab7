# newsgraph — the two set-up commands of the README, and the figure and benchmark targets.
#
#   make demo     install libgraphviz-dev if missing, build (release), ingest Examples/articles into
#                 out/examples.sqlite, ask it a question, draw it (out/*.svg, out/*.png)
#   make test     the test suite (`swift test`; CI runs this through .ci/run)
#   make graphs   regenerate Graphs/ (the seed article from ../shared/corpus/seed, and the examples)
#   make bench    run the benchmarks under Benchmarks/ (release builds; slow)
#   make install  PREFIX=/usr/local: the binary in PREFIX/bin, its data (lexicons, parser model) in
#                 PREFIX/share/newsgraph, the man page (newsgraph(1), with python3) and the bash, zsh and fish
#                 completions under PREFIX/share; the Swift runtime is linked in, so the tree can be copied anywhere
#
# Variables: SWIFT (default swift), SHARED (default ../shared), OUT (default out), PREFIX (default
# /usr/local), DESTDIR (staging root for packagers, default empty).

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
SWIFT ?= swift
SHARED ?= ../shared
OUT ?= out
SEED := $(SHARED)/corpus/seed/kalat-2024-11-16.txt
DEMO_DB := $(OUT)/examples.sqlite
DEMO_QUERY := response to the Sambaza attack

PREFIX ?= /usr/local
DESTDIR ?=

.PHONY: demo test graphs bench deps build release clean install uninstall

## Graphviz's C library (libgvc, through pkg-config) is needed to build the renderer.
deps:
	@if ! pkg-config --exists libgvc 2>/dev/null; then \
	  echo "newsgraph: installing libgraphviz-dev (Graphviz's C library) and pkg-config"; \
	  if [ "$$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi; \
	  $$SUDO apt-get update -qq; \
	  DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq libgraphviz-dev pkg-config; \
	fi

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release --product newsgraph

## The binary and the data it looks for in ../share/newsgraph (see ResourceLocator).
install: deps
	$(SWIFT) build -c release --product newsgraph --static-swift-stdlib
	@BIN="$$($(SWIFT) build -c release --static-swift-stdlib --show-bin-path)/newsgraph"; \
	SHARE="$(DESTDIR)$(PREFIX)/share/newsgraph"; \
	install -d "$(DESTDIR)$(PREFIX)/bin" "$$SHARE"; \
	install -m 755 "$$BIN" "$(DESTDIR)$(PREFIX)/bin/newsgraph"; \
	rm -rf "$$SHARE/Lexicons" "$$SHARE/Model"; \
	cp -R Sources/NewsGraphExtraction/Resources/Lexicons "$$SHARE/Lexicons"; \
	cp -R Sources/NewsGraphSyntax/Resources/Model "$$SHARE/Model"; \
	D="$(DESTDIR)$(PREFIX)/share"; \
	install -d "$$D/bash-completion/completions" "$$D/zsh/site-functions" "$$D/fish/vendor_completions.d"; \
	"$$BIN" --generate-completion-script bash > "$$D/bash-completion/completions/newsgraph"; \
	"$$BIN" --generate-completion-script zsh > "$$D/zsh/site-functions/_newsgraph"; \
	"$$BIN" --generate-completion-script fish > "$$D/fish/vendor_completions.d/newsgraph.fish"; \
	if command -v python3 >/dev/null 2>&1; then \
	  install -d "$$D/man/man1"; \
	  python3 scripts/gen-manpage.py --binary "$$BIN" -o "$$D/man/man1/newsgraph.1"; \
	else \
	  echo "newsgraph: python3 not found: the man page (scripts/gen-manpage.py) is not installed"; \
	fi; \
	echo "newsgraph: installed $(DESTDIR)$(PREFIX)/bin/newsgraph, $$SHARE, the man page and shell completions"

uninstall:
	rm -f "$(DESTDIR)$(PREFIX)/bin/newsgraph"
	rm -rf "$(DESTDIR)$(PREFIX)/share/newsgraph"
	rm -f "$(DESTDIR)$(PREFIX)/share/man/man1/newsgraph.1" "$(DESTDIR)$(PREFIX)/share/bash-completion/completions/newsgraph"
	rm -f "$(DESTDIR)$(PREFIX)/share/zsh/site-functions/_newsgraph" "$(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d/newsgraph.fish"

demo: release
	@mkdir -p $(OUT)
	@BIN="$$($(SWIFT) build -c release --show-bin-path)/newsgraph"; \
	echo; echo "== newsgraph ingest Examples/articles  (store: $(DEMO_DB))"; \
	"$$BIN" ingest --db $(DEMO_DB) Examples/articles; \
	echo; echo "== newsgraph query \"$(DEMO_QUERY)\""; \
	"$$BIN" query --db $(DEMO_DB) "$(DEMO_QUERY)"; \
	echo; echo "== newsgraph render"; \
	"$$BIN" render --db $(DEMO_DB) --output $(OUT)/examples-actors.svg --view actors; \
	"$$BIN" render --db $(DEMO_DB) --output $(OUT)/examples-actors.png --view actors; \
	"$$BIN" render --db $(DEMO_DB) --output $(OUT)/examples-chains.svg --view chain; \
	"$$BIN" render --db $(DEMO_DB) --output $(OUT)/examples-chains.png --view chain; \
	"$$BIN" render --db $(DEMO_DB) --output $(OUT)/examples-graph.svg; \
	echo; echo "Done: the store is $(DEMO_DB); the figures are in $(OUT)/. Try:"; \
	echo "  $$BIN query --db $(DEMO_DB) \"who attacked Frontier Corps\""; \
	echo "  $$BIN query --db $(DEMO_DB) \"attacks by TTP\""; \
	echo "  $$BIN timeline --db $(DEMO_DB) \"Tehreek-e-Taliban Pakistan\""

test: deps
	$(SWIFT) test

## Graphs/: the seed article's graph and its "response to Baru killing" chain (needs ../shared), and the
## example articles' actor network and causal chains, as DOT, SVG and PNG, each fitted to an A4 page width
## (render's defaults); the figures' .dot files are the views' DOT (--no-layout). The commands are listed in
## Graphs/README.md. The seed is third-party text: it is ingested with --no-sentences, so that its
## sentences never reach the SVG/DOT tooltips (and so the repository); evidence cites sentence numbers.
graphs: release
	@BIN="$$($(SWIFT) build -c release --show-bin-path)/newsgraph"; \
	mkdir -p Graphs $(OUT); \
	if [ -f "$(SEED)" ]; then \
	  DB=$(OUT)/graphs-seed.sqlite; rm -f $$DB $$DB-wal $$DB-shm $$DB.graphcache; \
	  "$$BIN" ingest --db $$DB --no-sentences "$(SEED)"; \
	  "$$BIN" export --db $$DB --format dot --output Graphs/seed-graph.dot; \
	  "$$BIN" render --db $$DB --output Graphs/seed-graph.svg; \
	  "$$BIN" render --db $$DB --output Graphs/seed-graph.png; \
	  "$$BIN" query --db $$DB "response to Baru killing" > Graphs/seed-query-response-to-baru-killing.txt; \
	  "$$BIN" query --db $$DB "response to Baru killing" --format dot > Graphs/seed-query-response-to-baru-killing.dot; \
	  for f in dot svg png; do \
	    NL=""; [ "$$f" = dot ] && NL=--no-layout; \
	    "$$BIN" render --db $$DB --output Graphs/seed-response-to-baru-killing.$$f --view chain --entity "Sana Baru" \
	      --title "Response to the killing of Sana Baru" $$NL; \
	  done; \
	else \
	  echo "newsgraph: $(SEED) not found: skipping the seed figures (set SHARED=path/to/shared)"; \
	fi; \
	DB=$(OUT)/graphs-examples.sqlite; rm -f $$DB $$DB-wal $$DB-shm $$DB.graphcache; \
	"$$BIN" ingest --db $$DB --quiet Examples/articles; \
	"$$BIN" export --db $$DB --format dot --output Graphs/examples-graph.dot; \
	for f in svg png; do \
	  "$$BIN" render --db $$DB --output Graphs/examples-actors.$$f --view actors; \
	  "$$BIN" render --db $$DB --output Graphs/examples-chains.$$f --view chain; \
	done; \
	"$$BIN" render --db $$DB --output Graphs/examples-graph.svg; \
	DB=$(OUT)/graphs-gallery.sqlite; rm -f $$DB $$DB-wal $$DB-shm $$DB.graphcache; \
	if [ -f "$(SEED)" ]; then "$$BIN" ingest --db $$DB --quiet --no-sentences "$(SEED)"; fi; \
	"$$BIN" ingest --db $$DB --quiet Examples/articles; \
	for f in dot svg png pdf; do \
	  NL=""; [ "$$f" = dot ] && NL=--no-layout; \
	  "$$BIN" render --db $$DB --output Graphs/gallery-actors.$$f --view actors --title "Actor network: seed article and examples" $$NL; \
	  "$$BIN" render --db $$DB --output Graphs/gallery-causal-chains.$$f --view chain --title "Causal chains" $$NL; \
	  "$$BIN" render --db $$DB --output Graphs/gallery-timeline.$$f --view timeline --from 2025-02-01 --to 2025-03-31 \
	    --title "Timeline of events, February and March 2025" $$NL; \
	  "$$BIN" render --db $$DB --output Graphs/gallery-ego-bla.$$f --view ego --entity "Baloch Liberation Army" --depth 2 \
	    --title "Baloch Liberation Army and its neighbourhood" $$NL; \
	done; \
	echo "Graphs/ regenerated"

## Every benchmark that has a run.sh (extraction, render, …); see each script's header for options.
bench: release
	@for s in Benchmarks/*/run.sh; do \
	  [ -x "$$s" ] || continue; \
	  echo "== $$s"; "$$s"; \
	done

clean:
	rm -rf $(OUT)
