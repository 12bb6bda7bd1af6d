# acmdr build, run and test entry points. Every target installs what it needs.
DOTNET      ?= dotnet
CONFIG      ?= Release
# The machine's runtime identifier: 'make run' and 'make bench' use a ReadyToRun publish for it,
# the form 'make install' puts on the machine (the tool package's RID-specific package).
RID         ?= $(shell echo "$$(uname -s | tr A-Z a-z | sed s/darwin/osx/)-$$(uname -m | sed 's/x86_64/x64/;s/aarch64/arm64/')")
PUBLISH     := artifacts/publish/$(RID)
ACMDR       := $(PUBLISH)/acmdr
RESULTS     ?= TestResults
SUDO        := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: all restore build publish run test mutate tools go kubectl chromium bench pack install clean

all: build

restore:
	$(DOTNET) restore AcmDr.sln

build: restore
	$(DOTNET) build AcmDr.sln -c $(CONFIG) --no-restore -nologo -v q

## ReadyToRun, framework-dependent: start-up without most of the JIT (see AcmDr.Cli.csproj).
publish: restore
	$(DOTNET) publish src/AcmDr.Cli -c $(CONFIG) -r $(RID) -o $(PUBLISH) -nologo -v q

## The main job on the sample inventory: regenerate policies/ and placements/.
run: publish
	$(ACMDR) generate -i inventory/apps.csv --out .

## Every test. Needs Go (ACM's template engine), kubectl and ../shared (CRDs, status fixtures).
test: tools build
	rm -rf $(RESULTS)
	$(DOTNET) test --solution AcmDr.sln -c $(CONFIG) --no-build --report-trx --results-directory $(abspath $(RESULTS))

## Mutation testing (README, "Mutation testing"): Stryker.NET mutates src/AcmDr.Core and runs the
## Core tests against each mutant. Not part of 'test'. Fails below 80 % (tests/AcmDr.Core.Tests/
## stryker-config.json); the HTML and JSON reports go to $(MUTATE_OUT). MUTATE_ARGS adds options,
## e.g. MUTATE_ARGS='--mutate "**/Managed/**/*.cs" --break-at 0' for one folder.
MUTATE_OUT  ?= artifacts/mutation
mutate:
	$(DOTNET) tool restore
	cd tests/AcmDr.Core.Tests && $(DOTNET) stryker --skip-version-check --output $(abspath $(MUTATE_OUT)) $(MUTATE_ARGS)

tools: go kubectl chromium

# Go's text/template and yaml.v3 execute the generated templates the way ACM does.
go:
	@if ! command -v go >/dev/null 2>&1 || [ ! -d /usr/share/gocode/src/gopkg.in/yaml.v3 ]; then \
	  echo "installing Go and yaml.v3 from Debian"; \
	  $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq golang-go golang-gopkg-yaml.v3-dev >/dev/null; \
	fi

kubectl:
	@command -v kubectl >/dev/null 2>&1 || { \
	  echo "installing kubectl from Debian"; \
	  $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq kubernetes-client >/dev/null || true; }

# Headless Chromium renders the HTML report in its test.
chromium:
	@command -v chromium >/dev/null 2>&1 || { \
	  echo "installing chromium from Debian"; \
	  $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq chromium >/dev/null || true; }

## Benchmarks (README, "Benchmarks"): times the ReadyToRun publish that 'make run' uses.
bench: publish
	$(DOTNET) run --project bench/AcmDr.Bench -c $(CONFIG) -- --cli $(ACMDR) $(BENCH_ARGS)

## The tool packages: AcmDr (points to the others), AcmDr.linux-x64 (ReadyToRun) and AcmDr.any (JIT).
pack:
	$(DOTNET) pack src/AcmDr.Cli -c $(CONFIG) -o artifacts -nologo

install: pack
	$(DOTNET) tool update --global --add-source artifacts AcmDr || $(DOTNET) tool install --global --add-source artifacts AcmDr
	@case ":$$PATH:" in *":$$HOME/.dotnet/tools:"*) ;; *) echo "note: $$HOME/.dotnet/tools is not on your PATH, so 'acmdr' is not found yet; add it: echo 'export PATH=\"\$$PATH:\$$HOME/.dotnet/tools\"' >> ~/.profile (then open a new shell)";; esac

clean:
	rm -rf artifacts $(RESULTS) src/*/bin src/*/obj tests/*/bin tests/*/obj
