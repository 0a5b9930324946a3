import { describe, expect, it } from 'vitest';
import { sanitizeHtml } from '../feeds/sanitize';
import { authorLabel, cardHtml, escapeHtml, httpUrl, mediaHtml, mediaMimeType, postTitle, textToHtml } from './post-items';

describe('postTitle', () => {
  it.each([
    ['short text stays whole', 'Reading notes on Luhmann', 80, 'Reading notes on Luhmann'],
    ['whitespace and line breaks collapse', '  Line one\n\nline   two\t', 80, 'Line one line two'],
    [
      'long text is cut at a word boundary with an ellipsis',
      'A zettelkasten is a method of note-taking and personal knowledge management used in research and study',
      40,
      'A zettelkasten is a method of…',
    ],
    ['a word longer than the limit is cut inside it', 'x'.repeat(100), 10, `${'x'.repeat(10)}…`],
    ['empty text gives an empty title', '   ', 80, ''],
    ['a bidi override cannot reverse the rest of the list', 'evil\u202Etxt.exe', 80, 'evil txt.exe'],
  ])('%s', (_name, text, max, expected) => {
    expect(postTitle(text, max)).toBe(expected);
  });

  it('counts characters, not UTF-16 units, and keeps joined emoji whole', () => {
    expect(postTitle('👩‍💻 writes', 80)).toBe('👩‍💻 writes');
    expect(postTitle('🙂'.repeat(20), 10)).toBe(`${'🙂'.repeat(10)}…`);
  });
});

describe('textToHtml', () => {
  it('escapes the text and makes paragraphs and line breaks', () => {
    expect(textToHtml('One <b>&</b> "two"\nsame paragraph\n\n\nSecond')).toBe(
      '<p>One &lt;b&gt;&amp;&lt;/b&gt; &quot;two&quot;<br>same paragraph</p><p>Second</p>',
    );
  });

  it('links bare http(s) addresses, leaving the sentence’s punctuation outside', () => {
    expect(textToHtml('See https://example.com/a?b=1&c=2. And (https://en.wikipedia.org/wiki/Foo_(bar)).')).toBe(
      '<p>See <a href="https://example.com/a?b=1&amp;c=2">https://example.com/a?b=1&amp;c=2</a>. ' +
        'And (<a href="https://en.wikipedia.org/wiki/Foo_(bar)">https://en.wikipedia.org/wiki/Foo_(bar)</a>).</p>',
    );
  });

  it('never links other schemes and never lets an address break out of its attribute', () => {
    expect(textToHtml('javascript:alert(1) https://x.example/"onmouseover="alert(1)')).toBe(
      '<p>javascript:alert(1) <a href="https://x.example/">https://x.example/</a>&quot;onmouseover=&quot;alert(1)</p>',
    );
  });

  it('gives nothing for blank text', () => {
    expect(textToHtml(' \n\n ')).toBe('');
  });
});

describe('mediaHtml', () => {
  it('renders each kind of attachment, with alt text and posters', () => {
    const html = mediaHtml([
      { url: 'https://files.example/a.png', type: 'image', description: 'A "diagram" <of> notes' },
      { url: 'https://files.example/b.mp4', type: 'gifv', previewUrl: 'https://files.example/b.png' },
      { url: 'https://files.example/c.mp4', type: 'video/mp4' },
      { url: 'https://files.example/d.mp3', type: 'audio' },
      { url: 'https://files.example/e.bin', type: 'unknown', description: 'Data' },
      { url: 'https://files.example/f.jpeg' },
    ]);
    expect(html).toBe(
      '<p><img src="https://files.example/a.png" alt="A &quot;diagram&quot; &lt;of&gt; notes"></p>' +
        '<p><video src="https://files.example/b.mp4" poster="https://files.example/b.png" controls loop muted title=""></video></p>' +
        '<p><video src="https://files.example/c.mp4" controls title=""></video></p>' +
        '<p><audio src="https://files.example/d.mp3" controls title=""></audio></p>' +
        '<p><a href="https://files.example/e.bin">Data</a></p>' +
        '<p><img src="https://files.example/f.jpeg" alt=""></p>',
    );
  });

  it('leaves out media whose address is not http(s)', () => {
    expect(mediaHtml([{ url: 'javascript:alert(1)', type: 'image' }, { url: 'data:image/png;base64,AAAA' }, { url: 'not a url' }])).toBe('');
  });

  it('survives the sanitiser as it is', () => {
    const html = mediaHtml([{ url: 'https://files.example/a.png', type: 'image', description: 'alt' }]);
    expect(sanitizeHtml(html)).toBe(html);
  });
});

describe('cardHtml', () => {
  it('quotes the linked page’s title and description, escaped', () => {
    expect(cardHtml({ url: 'https://blog.example/post', title: 'Notes <script>', description: 'On "links" & notes' })).toBe(
      '<blockquote><p><a href="https://blog.example/post">Notes &lt;script&gt;</a></p><p>On &quot;links&quot; &amp; notes</p></blockquote>',
    );
  });

  it('names the link by its address when the card has no title, and drops cards that are not http(s)', () => {
    expect(cardHtml({ url: 'https://blog.example/post' })).toBe('<blockquote><p><a href="https://blog.example/post">https://blog.example/post</a></p></blockquote>');
    expect(cardHtml({ url: 'javascript:alert(1)', title: 'x' })).toBe('');
  });
});

describe('authorLabel', () => {
  it.each([
    ['Ada Lovelace', '@ada@social.example', 'Ada Lovelace (@ada@social.example)'],
    [undefined, '@ada@social.example', '@ada@social.example'],
    ['  ', '@ada@social.example', '@ada@social.example'],
    ['ada@social.example', '@ada@social.example', '@ada@social.example'],
    ['Ada\n\u202ELovelace', 'alice.bsky.social', 'Ada Lovelace (alice.bsky.social)'],
    ['pg', '', 'pg'],
  ])('%j and %j → %j', (name, handle, expected) => {
    expect(authorLabel(name, handle)).toBe(expected);
  });
});

describe('small helpers', () => {
  it('httpUrl keeps only absolute http(s) addresses', () => {
    expect(httpUrl(' https://a.example/x ')).toBe('https://a.example/x');
    expect(httpUrl('/relative')).toBeUndefined();
    expect(httpUrl('javascript:alert(1)')).toBeUndefined();
    expect(httpUrl(null)).toBeUndefined();
  });

  it('escapeHtml escapes what can open a tag or close an attribute', () => {
    expect(escapeHtml(`<a href='x' title="y">&</a>`)).toBe('&lt;a href=&#39;x&#39; title=&quot;y&quot;&gt;&amp;&lt;/a&gt;');
  });

  it('mediaMimeType names a type only when the extension and the kind agree', () => {
    expect(mediaMimeType('https://f.example/a.JPG?x=1', 'image')).toBe('image/jpeg');
    expect(mediaMimeType('https://f.example/a.mp4', 'gifv')).toBe('video/mp4');
    expect(mediaMimeType('https://f.example/a.mp4', 'image')).toBeUndefined();
    expect(mediaMimeType('https://f.example/a', 'image')).toBeUndefined();
    expect(mediaMimeType('https://f.example/a.mp3')).toBe('audio/mpeg');
  });
});
