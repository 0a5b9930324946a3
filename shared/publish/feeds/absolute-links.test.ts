import { describe, expect, it } from 'vitest';
import { absolutizeHtml } from './absolute-links';

const web = 'https://me.example/notes/posts/a-note.html';
const disk = 'file:///tmp/site/posts/a-note.html';

describe('absolutizeHtml: relative links become absolute', () => {
  it.each([
    ['a sibling page', '<a href="other.html">o</a>', web, '<a href="https://me.example/notes/posts/other.html">o</a>'],
    ['a parent folder, under a sub-path', '<img src="../images/x.png" alt="x">', web, '<img src="https://me.example/notes/images/x.png" alt="x">'],
    ['a root-relative path (the host root, as a browser reads it)', '<a href="/about">a</a>', web, '<a href="https://me.example/about">a</a>'],
    ['a query only', '<a href="?page=2">2</a>', web, '<a href="https://me.example/notes/posts/a-note.html?page=2">2</a>'],
    ['a sibling page on disk', '<a href="other.html">o</a>', disk, '<a href="file:///tmp/site/posts/other.html">o</a>'],
    ['a parent folder on disk', '<img src="../images/x.png">', disk, '<img src="file:///tmp/site/images/x.png">'],
    ['a protocol-relative link on the web', '<img src="//cdn.example/x.png">', web, '<img src="https://cdn.example/x.png">'],
    ['a protocol-relative link on disk, which meant the web', '<img src="//cdn.example/x.png">', disk, '<img src="https://cdn.example/x.png">'],
    ['single quotes, kept', "<a href='other.html'>o</a>", web, "<a href='https://me.example/notes/posts/other.html'>o</a>"],
    ['an unquoted value, now quoted', '<a href=other.html>o</a>', web, '<a href="https://me.example/notes/posts/other.html">o</a>'],
    ['an upper-case attribute and spaces around =', '<A HREF = "other.html">o</A>', web, '<A HREF = "https://me.example/notes/posts/other.html">o</A>'],
    ['a self-closing tag', '<img src="x.png"/>', web, '<img src="https://me.example/notes/posts/x.png"/>'],
    ['spaces around the value', '<a href="  other.html ">o</a>', web, '<a href="https://me.example/notes/posts/other.html">o</a>'],
    ['a space in the path, percent-encoded', '<a href="my note.html">o</a>', web, '<a href="https://me.example/notes/posts/my%20note.html">o</a>'],
  ])('%s', (_name, html, base, expected) => {
    expect(absolutizeHtml(html, base)).toBe(expected);
  });

  it('decodes entities in the value and escapes the result again', () => {
    expect(absolutizeHtml('<a href="list.html?a=1&amp;b=&quot;2&quot;">l</a>', web)).toBe(
      '<a href="https://me.example/notes/posts/list.html?a=1&amp;b=%222%22">l</a>',
    );
    expect(absolutizeHtml("<a href='x.html?a=1&amp;b=2'>l</a>", web)).toBe("<a href='https://me.example/notes/posts/x.html?a=1&amp;b=2'>l</a>");
  });

  it('rewrites every link of a fragment and keeps every other byte', () => {
    const html = '<p class="lead">See <a href="one.html" title="One">one</a>,\n<a href="../two/">two</a> &amp; <img alt="" src="i.png"></p>';
    expect(absolutizeHtml(html, web)).toBe(
      '<p class="lead">See <a href="https://me.example/notes/posts/one.html" title="One">one</a>,\n<a href="https://me.example/notes/two/">two</a> &amp; <img alt="" src="https://me.example/notes/posts/i.png"></p>',
    );
  });
});

describe('absolutizeHtml: what stays as written', () => {
  it.each([
    ['a fragment', '<a href="#section-2">s</a>'],
    ['mailto:', '<a href="mailto:me@me.example">mail</a>'],
    ['data:', '<img src="data:image/png;base64,iVBORw0KGgo=">'],
    ['an absolute URL (not normalised either)', '<a href="https://Other.example">o</a>'],
    ['an absolute URL in upper case', '<a href="HTTPS://other.example/x">o</a>'],
    ['an empty value', '<a href="">o</a>'],
    ['other attributes that hold URL-like text', '<a title="other.html" data-href="x.html" class="href">o</a>'],
    ['href=… inside another attribute value', '<a title="see href=x.html" data-x=\'src="y.png"\'>o</a>'],
    ['href=… in text', '<p>Write href="x.html" or src=y.png in your HTML.</p>'],
    ['a tag inside a comment', '<!-- <a href="old.html">old</a> --><p>kept</p>'],
    ['a closing tag', '</a>'],
  ])('%s', (_name, html) => {
    expect(absolutizeHtml(html, web)).toBe(html);
  });

  it('leaves the HTML alone when the base is not a URL', () => {
    expect(absolutizeHtml('<a href="x.html">x</a>', 'not a url')).toBe('<a href="x.html">x</a>');
  });
});
