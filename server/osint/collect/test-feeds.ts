// Fixture feeds of the collection tests: self-written, real-looking customs news in several languages and charsets.

export interface FixtureFeed {
  text: string;
  charset: 'utf-8' | 'windows-1251' | 'iso-8859-1';
  contentType: string;
  etag?: string;
}

/** Text in a single-byte charset, built from TextDecoder's own table of it (Node encodes only UTF-8). */
function singleByte(text: string, charset: string): Buffer {
  const decoder = new TextDecoder(charset);
  const table = new Map<string, number>();
  for (let b = 0; b < 256; b++) table.set(decoder.decode(Uint8Array.of(b)), b);
  return Buffer.from([...text].map((c) => table.get(c) ?? 0x3f));
}

export const encode = (f: FixtureFeed) => (f.charset === 'utf-8' ? Buffer.from(f.text, 'utf8') : singleByte(f.text, f.charset));

const rss = (encoding: string, language: string, items: string) => `<?xml version="1.0" encoding="${encoding}"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Fixture</title><link>https://news.example.org/</link>
<language>${language}</language>${items}</channel></rss>`;

export const FEEDS: Record<string, FixtureFeed> = {
  '/ru.rss': {
    charset: 'windows-1251',
    contentType: 'application/rss+xml; charset=windows-1251',
    text: rss('windows-1251', 'ru', `
<item><title>Таможня изъяла 300 кг кокаина из Эквадора</title><link>https://news.example.ru/2026/12/cocaine?utm_source=rss</link>
<description>&lt;p&gt;Российские таможенники обнаружили партию кокаина в контейнере с бананами из Эквадора.&lt;/p&gt;</description>
<pubDate>Mon, 07 Dec 2026 09:30:00 +0300</pubDate></item>
<item><title>Контрабанда сигарет на границе с Казахстаном</title><link>https://news.example.ru/2026/12/cigarettes</link>
<description>Сотрудники таможни задержали грузовик с сигаретами на границе России и Казахстана.</description>
<pubDate>Sun, 06 Dec 2026 14:00:00 +0300</pubDate></item>`),
  },
  '/fr.atom': {
    charset: 'utf-8',
    contentType: 'application/atom+xml',
    text: `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="fr"><title>Douane actualités</title><id>urn:fixture:fr</id><updated>2026-12-07T08:00:00Z</updated>
<entry><title>Saisie record de cigarettes à Marseille</title><link rel="alternate" href="https://actu.example.fr/saisie-marseille#haut"/><id>urn:fixture:fr:1</id>
<published>2026-12-07T07:45:00Z</published><summary type="html">&lt;p&gt;La douane française a intercepté un camion venant d’Espagne.&lt;script&gt;alert(1)&lt;/script&gt;&lt;/p&gt;</summary></entry>
<entry><title>Trafic d’ivoire démantelé au port du Havre</title><link href="https://actu.example.fr/ivoire-le-havre"/><id>urn:fixture:fr:2</id>
<updated>2026-12-06T16:10:00Z</updated><content type="html">&lt;p onclick="steal()"&gt;Des défenses d’éléphant en provenance du Cameroun ont été découvertes par les douaniers.&lt;/p&gt;</content></entry>
</feed>`,
  },
  '/feed.json': {
    charset: 'utf-8',
    contentType: 'application/feed+json',
    text: JSON.stringify({
      version: 'https://jsonfeed.org/version/1.1',
      title: 'Border News',
      language: 'en',
      items: [
        { id: '1', url: 'https://border.example.com/kenya-ivory', title: 'Kenya seizes ivory at Mombasa port', content_html: '<p>Kenyan customs officers found 2 tonnes of ivory bound for Vietnam.</p>', date_published: '2026-12-05T10:00:00Z' },
        { id: '2', url: 'https://border.example.com/mexico-precursors', title: 'Precursor chemicals intercepted in Mexico', summary: 'Mexican authorities stopped a shipment of precursors from China.', date_published: '2026-12-04T10:00:00Z' },
      ],
    }),
  },
  '/rdf.xml': {
    charset: 'utf-8',
    contentType: 'application/rdf+xml',
    text: `<?xml version="1.0" encoding="utf-8"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel rdf:about="https://aduanas.example.es/"><title>Aduanas</title><link>https://aduanas.example.es/</link><dc:language>es</dc:language></channel>
<item rdf:about="https://aduanas.example.es/marfil-valencia"><title>Incautan marfil en el puerto de Valencia</title><link>https://aduanas.example.es/marfil-valencia</link>
<description>La Guardia Civil de España intervino colmillos procedentes de Kenia en un contenedor.</description><dc:date>2026-12-03T11:00:00Z</dc:date></item>
</rdf:RDF>`,
  },
  '/latin1.rss': {
    charset: 'iso-8859-1',
    // No charset in the header: the XML declaration says it.
    contentType: 'application/rss+xml',
    text: rss('ISO-8859-1', 'pt', `
<item><title>Apreensão de cocaína no porto de Santos</title><link>https://noticias.example.br/apreensao-santos</link>
<description>A Receita Federal do Brasil apreendeu droga com destino à Bélgica escondida em café.</description><pubDate>Wed, 02 Dec 2026 12:00:00 -0300</pubDate></item>`),
  },
  '/etag.rss': {
    charset: 'utf-8',
    contentType: 'application/rss+xml; charset=utf-8',
    etag: '"v1"',
    text: rss('utf-8', 'en', `
<item><title>Cash smuggling attempt foiled at Dubai airport</title><link>https://gulf.example.ae/cash-dubai</link>
<description>Customs officers in the United Arab Emirates found undeclared cash in a passenger's luggage.</description></item>`),
  },
  '/not-xml.rss': { charset: 'utf-8', contentType: 'application/rss+xml', text: 'Service temporarily unavailable. <b>Please come back later' },
  '/html-instead.rss': { charset: 'utf-8', contentType: 'text/html', text: '<!DOCTYPE html><html><head><title>Moved</title></head><body><p>Our feed has moved.</p></body></html>' },
  '/news/seizure.html': {
    charset: 'windows-1251',
    contentType: 'text/html',
    text: `<!DOCTYPE html><html><head><meta charset="windows-1251"><title>Изъятие героина | Новости</title>
<link rel="canonical" href="https://news.example.ru/heroin-2026"><meta name="description" content="Героин из Афганистана задержан на таможне.">
<meta property="article:published_time" content="2026-12-01T08:00:00Z"></head><body><nav>Главная Новости Контакты</nav>
<article><h1>Изъятие героина</h1><p>Таможенники задержали 40 кг героина из Афганистана на границе с Таджикистаном.</p><script>track()</script></article>
<footer>© Новости</footer></body></html>`,
  },
  '/members/seizure.html': { charset: 'utf-8', contentType: 'text/html', text: '<html><head><title>Members only</title></head><body><article><p>Not for robots.</p></article></body></html>' },
};
