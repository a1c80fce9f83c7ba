//! Progress on stderr while a check runs, and the colour decision for stdout.
//!
//! On a terminal the progress line is redrawn in place ("Checking… 12 checks done,
//! 85 DNS queries") from the engine's observers and erased at the end; when stderr
//! is a pipe or a file, one plain line is written when the run is done, so logs
//! record what ran without a stream of carriage returns. `--quiet` silences both.
//! Nothing of this ever goes to stdout, which carries only the report.

use std::cell::Cell;
use std::io::{IsTerminal, Write};
use std::rc::Rc;
use std::time::{Duration, Instant};

use clap::ValueEnum;
use inboxable_core::i18n::{Lang, Message};

/// How progress is shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// Nothing (`--quiet`).
    Off,
    /// A line redrawn in place on a terminal.
    Live,
    /// One plain line at the end.
    Summary,
}

impl Mode {
    /// The mode for this process's stderr.
    pub fn detect(quiet: bool) -> Self {
        if quiet {
            Self::Off
        } else if std::io::stderr().is_terminal() {
            Self::Live
        } else {
            Self::Summary
        }
    }
}

/// Counts checks and queries as the engine reports them.
pub struct Progress {
    mode: Mode,
    lang: Lang,
    started: Instant,
    checks: Cell<usize>,
    queries: Cell<usize>,
    last_draw: Cell<Option<Instant>>,
}

/// How often the live line is redrawn at most: often enough to look alive, rarely
/// enough not to flood a slow terminal with hundreds of redraws.
const REDRAW: Duration = Duration::from_millis(80);

impl Progress {
    /// A counter showing progress in `mode`.
    pub fn new(mode: Mode, lang: Lang) -> Rc<Self> {
        Rc::new(Self {
            mode,
            lang,
            started: Instant::now(),
            checks: Cell::new(0),
            queries: Cell::new(0),
            last_draw: Cell::new(None),
        })
    }

    /// One more check result arrived.
    pub fn check(&self) {
        self.checks.set(self.checks.get() + 1);
        self.draw(false);
    }

    /// One more query was answered.
    pub fn query(&self) {
        self.queries.set(self.queries.get() + 1);
        self.draw(false);
    }

    fn draw(&self, force: bool) {
        if self.mode != Mode::Live {
            return;
        }
        let now = Instant::now();
        if !force
            && self
                .last_draw
                .get()
                .is_some_and(|t| now.duration_since(t) < REDRAW)
        {
            return;
        }
        self.last_draw.set(Some(now));
        let line = Message::new("cli-progress")
            .arg("checks", self.checks.get())
            .arg("queries", self.queries.get())
            .render(self.lang);
        // `\r` and "erase to end of line" redraw in place.
        let mut err = std::io::stderr().lock();
        let _ = write!(err, "\r{line}\x1b[K");
        let _ = err.flush();
    }

    /// The run is over: erase the live line, or write the summary line with the
    /// report's own counts of `checks` and `queries`.
    pub fn finish(&self, checks: usize, queries: usize) {
        let mut err = std::io::stderr().lock();
        match self.mode {
            Mode::Off => {}
            Mode::Live => {
                let _ = write!(err, "\r\x1b[K");
            }
            Mode::Summary => {
                let line = Message::new("cli-progress-done")
                    .arg("checks", checks)
                    .arg("queries", queries)
                    .arg("ms", self.started.elapsed().as_millis())
                    .render(self.lang);
                let _ = writeln!(err, "{line}");
            }
        }
        let _ = err.flush();
    }
}

/// `--color`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    /// Colour when stdout is a terminal, `NO_COLOR` is unset or empty and `TERM`
    /// is not `dumb`.
    #[default]
    Auto,
    /// Always colour, even into a pipe or with `NO_COLOR` set.
    Always,
    /// Never colour.
    Never,
}

impl ColorChoice {
    /// Whether the text report on stdout is coloured.
    pub fn enabled(self) -> bool {
        match self {
            Self::Always => true,
            Self::Never => false,
            Self::Auto => {
                let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
                let dumb = std::env::var_os("TERM").is_some_and(|t| t == "dumb");
                !no_color && !dumb && std::io::stdout().is_terminal()
            }
        }
    }
}
