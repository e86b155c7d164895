/**
 * Common given names across the languages the product serves, used only to accept a capitalised
 * "First Last" as a person. Names that are also everyday words or places (Will, May, June, Grace,
 * Hope, Mark, Bill, Jack, Victoria, Jordan, Paris ...) are left out on purpose.
 */
const NAMES = `
aaron abdul abigail adam adrian adriana agnieszka ahmed aisha akira alan albert alberto alejandro alessandro alessia alex
alexander alexandra alexandre alice alicia alison amanda amelia amir amit ana anastasia andrea andreas andrew andrzej angela
angelo anita ann anna anne annika anthony antoine antonio anya arjun arthur ashley astrid aurélie ayumi barbara beatriz
ben benedikt benjamin bernard bernd bianca birgit bruno camille carla carlos carmen caroline catherine cecilia charles
charlotte chen chiara chloe christian christina christine christoph christopher claire clara claudia colin cristina daniel
daniela david deborah deepak derek diana diego dmitri dominik donald dorothy eduardo elena elif elisa elisabeth elizabeth
ella emily emma enrico eric erik erika esther eva evelyn fabian fatima federica felipe felix fernando filip fiona francesca
francesco francisco françois franz frederik gabriel gabriela gabriele george georg gerhard giorgio giovanni giulia giuseppe
greta gustavo hans hannah harald harry heinrich helen helena hélène henrik henry hiroshi hugo ian ibrahim ingrid irina
isabel isabella isabelle ivan jacob jakob james jan jana jane janet jason javier jean jennifer jens jessica joanna joao
joão johan johanna john jonas jonathan jorge josé josef joseph juan julia julian julie julien jürgen kai karen karin karl
kasia katarzyna katharina kathrin katie keith kenji kevin klaus krzysztof kumar laura laurent lea lena leon leonardo liam
linda lisa lorenzo louis luca lucas lucía lucia luis luisa lukas łukasz magdalena maria marie marco mario marta martin martina
mary mateo matteo matthew matthias maurice maximilian mehmet melanie mia michael michał michel michelle miguel mika
mohammed muhammad nadia natalia nathalie nicholas nicolas nicole niklas nikolai nina noah nora olga oliver olivia
omar oscar pablo paolo patricia patrick paul paula pedro peter petra philipp philippe pierre piotr pooja priya rafael
rahul rajesh ramón raphael rebecca richard rita robert roberto rodrigo roman rosa ruth sabine samuel sandra sanne sara
sarah sebastian sergei sergio simon simone sofia sophie stefan stefano stephanie steven susan susanne sven takashi tanja
thomas tim timo tobias tomás tomasz tom ursula valentina valérie vanessa vera veronica vincent vincenzo wei wolfgang
xavier yannick yuki yusuf zoe zofia
`;

export const FIRST_NAMES: ReadonlySet<string> = new Set(NAMES.split(/\s+/).filter(Boolean));
