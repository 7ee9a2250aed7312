/** A story as ICML (InCopy interchange) with the paper's paragraph styles, for InDesign to place as a linked story. */
import { PARAGRAPH_STYLES, paragraphText, type StyledParagraph } from './storyParagraphs';
import { xmlAttr, xmlText } from './xmlText';

const NO_CHAR_STYLE = 'CharacterStyle/$ID/[No character style]';

export function paragraphStyleRef(name: string): string {
  return `ParagraphStyle/${name}`;
}

function styleGroups(): string[] {
  return [
    '<RootCharacterStyleGroup Self="ndCharacterStyles">',
    `<CharacterStyle Self="${NO_CHAR_STYLE}" Name="$ID/[No character style]"/>`,
    '</RootCharacterStyleGroup>',
    '<RootParagraphStyleGroup Self="ndParagraphStyles">',
    '<ParagraphStyle Self="ParagraphStyle/$ID/NormalParagraphStyle" Name="$ID/NormalParagraphStyle"/>',
    ...PARAGRAPH_STYLES.map((s) => `<ParagraphStyle Self="${xmlAttr(paragraphStyleRef(s))}" Name="${xmlAttr(s)}"/>`),
    '</RootParagraphStyleGroup>',
  ];
}

function paragraphRange(p: StyledParagraph, last: boolean): string {
  const runs = p.runs.map((r, i) => {
    const fontStyle = r.bold && r.italic ? 'Bold Italic' : r.bold ? 'Bold' : r.italic ? 'Italic' : null;
    const attrs = `AppliedCharacterStyle="${NO_CHAR_STYLE}"${fontStyle ? ` FontStyle="${fontStyle}"` : ''}`;
    // A paragraph ends with <Br/> inside its last run, except the story's very last paragraph.
    const br = !last && i === p.runs.length - 1 ? '<Br/>' : '';
    return `<CharacterStyleRange ${attrs}><Content>${xmlText(r.text)}</Content>${br}</CharacterStyleRange>`;
  });
  return `<ParagraphStyleRange AppliedParagraphStyle="${xmlAttr(paragraphStyleRef(p.style))}">${runs.join('')}</ParagraphStyleRange>`;
}

export function buildIcml(paragraphs: StyledParagraph[], storyTitle: string): string {
  const title = storyTitle || paragraphs.map(paragraphText).find(Boolean) || '';
  return [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
    '<?aid style="50" type="snippet" readerVersion="6.0" featureSet="513" product="8.0(370)" ?>',
    '<?aid SnippetType="InCopyInterchange"?>',
    '<Document DOMVersion="8.0" Self="d">',
    ...styleGroups(),
    `<Story Self="ndStory" AppliedTOCStyle="n" TrackChanges="false" StoryTitle="${xmlAttr(title)}" AppliedNamedGrid="n">`,
    '<StoryPreference OpticalMarginAlignment="false" OpticalMarginSize="12" FrameType="TextFrameType" StoryOrientation="Horizontal" StoryDirection="LeftToRightDirection"/>',
    ...paragraphs.map((p, i) => paragraphRange(p, i === paragraphs.length - 1)),
    '</Story>',
    '</Document>',
    '',
  ].join('\n');
}
