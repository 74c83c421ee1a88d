//! Where runtime findings are reported: the instructions of the built stage that a fact about the
//! image comes from. Pure queries on the model.

use crate::semantic::{Model, Stage};
use crate::syntax::{Body, Keyword};
use crate::text::Span;

/// The built stage (`--target`, or the last one) and its lines.
pub struct Places<'m, 'a> {
    pub model: &'m Model<'a>,
    pub stage: &'m Stage,
}

impl<'m, 'a> Places<'m, 'a> {
    /// `None` when the file has no stage, or no stage is called `target`.
    pub fn new(model: &'m Model<'a>, target: Option<&str>) -> Option<Self> {
        let stage = match target {
            Some(name) => model.find_stage(name)?,
            None => model.final_stage()?,
        };
        Some(Places { model, stage })
    }

    pub fn span(&self, instruction: usize) -> Span {
        self.model.file.instructions[instruction].span
    }

    /// The built stage's FROM.
    pub fn from(&self) -> usize {
        self.stage.from
    }

    /// The instructions the image is made of, oldest first: each stage of the chain the built stage
    /// stands on, without their FROMs (which do not add history entries).
    pub fn image_instructions(&self) -> Vec<usize> {
        let mut chain: Vec<&Stage> = self.model.ancestry(self.stage).collect();
        chain.reverse();
        chain.iter().flat_map(|s| s.instructions.start + 1..s.instructions.end).collect()
    }

    /// The last instruction of `keyword` in the image's instructions.
    pub fn last(&self, keyword: Keyword) -> Option<usize> {
        self.image_instructions().into_iter().rev().find(|&i| self.model.file.instructions[i].keyword == keyword)
    }

    /// The line that says what the container runs: ENTRYPOINT, else CMD, else FROM.
    pub fn command(&self) -> usize {
        self.last(Keyword::Entrypoint).or_else(|| self.last(Keyword::Cmd)).unwrap_or(self.from())
    }

    /// The USER in effect, else FROM.
    pub fn user(&self) -> usize {
        self.model.effective_user(self.stage).map_or(self.from(), |(index, _)| index)
    }

    /// The EXPOSE that declares `port/protocol` (variables expanded), else the last EXPOSE, else FROM.
    pub fn expose(&self, port: u16, protocol: &str) -> usize {
        let exposes: Vec<usize> = self
            .image_instructions()
            .into_iter()
            .filter(|&i| self.model.file.instructions[i].keyword == Keyword::Expose)
            .collect();
        let declares = |index: usize| {
            let Body::Ports(words) = &self.model.file.instructions[index].body else { return false };
            words.iter().any(|word| {
                let text = self.model.expand_at(index, &word.unquoted()).text;
                let (ports, proto) = text.split_once('/').unwrap_or((&text, "tcp"));
                let (low, high) = ports.split_once('-').unwrap_or((ports, ports));
                let in_range =
                    matches!((low.parse::<u16>(), high.parse::<u16>()), (Ok(l), Ok(h)) if l <= port && port <= h);
                in_range && proto.eq_ignore_ascii_case(protocol)
            })
        };
        exposes.iter().copied().find(|&i| declares(i)).or(exposes.last().copied()).unwrap_or(self.from())
    }

    /// The ARG or ENV of the image's instructions that declares `name` last, if any.
    pub fn declaration(&self, name: &str, keyword: Keyword) -> Option<usize> {
        self.image_instructions().into_iter().rev().find(|&i| {
            let instruction = &self.model.file.instructions[i];
            let (Body::Args(pairs) | Body::Pairs(pairs)) = &instruction.body else { return false };
            instruction.keyword == keyword && pairs.iter().any(|p| p.key.text == name)
        })
    }

    /// Maps history entries (oldest first) to instructions: the image's instructions are its last
    /// entries, one each, when the entries' kinds agree; earlier entries come from the base image.
    pub fn history_instructions(&self, created_by: &[&str]) -> Vec<Option<usize>> {
        let own = self.image_instructions();
        let mut mapped = vec![None; created_by.len()];
        let Some(offset) = created_by.len().checked_sub(own.len()) else { return mapped };
        let agrees = own.iter().zip(&created_by[offset..]).all(|(&index, text)| {
            let keyword = self.model.file.instructions[index].keyword;
            history_keyword(text).is_none_or(|k| k.eq_ignore_ascii_case(keyword.as_str()))
        });
        if agrees {
            for (position, &index) in own.iter().enumerate() {
                mapped[offset + position] = Some(index);
            }
        }
        mapped
    }
}

/// The instruction keyword a classic-builder history entry names: `/bin/sh -c #(nop)  ENV A=1` -> ENV,
/// a plain command -> RUN. `None` for other builders' wording.
fn history_keyword(created_by: &str) -> Option<&str> {
    if let Some((_, rest)) = created_by.split_once("#(nop)") {
        return rest.split_whitespace().next();
    }
    (created_by.contains("/bin/sh -c") || created_by.starts_with("RUN ") || created_by.starts_with('|'))
        .then_some("RUN")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_of_the_built_stage() {
        let source = "FROM busybox AS base\nENV A=1\nFROM base\nUSER nobody\nEXPOSE 80 8000-8010/udp\nEXPOSE 9000\nCMD [\"sh\"]\n";
        let file = crate::syntax::parse(source);
        let model = Model::build(source, &file);
        let places = Places::new(&model, None).unwrap();
        assert_eq!(places.image_instructions(), vec![1, 3, 4, 5, 6]);
        assert_eq!((places.from(), places.user(), places.command()), (2, 3, 6));
        assert_eq!((places.expose(80, "tcp"), places.expose(8005, "udp"), places.expose(1, "tcp")), (4, 4, 5));
        let history = [
            "base layer",
            "/bin/sh -c #(nop)  ENV A=1",
            "/bin/sh -c #(nop)  USER nobody",
            "/bin/sh -c #(nop)  EXPOSE 80",
            "/bin/sh -c #(nop)  EXPOSE 9000",
            "/bin/sh -c #(nop)  CMD [\"sh\"]",
        ];
        assert_eq!(places.history_instructions(&history), vec![None, Some(1), Some(3), Some(4), Some(5), Some(6)]);
        assert!(places.history_instructions(&history[1..4]).iter().all(Option::is_none));
        let base = Places::new(&model, Some("base")).unwrap();
        assert_eq!((base.from(), base.user(), base.command()), (0, 0, 0));
    }
}
