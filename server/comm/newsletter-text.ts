import type { TemplateLang } from './templates-schema.ts';

/** Right-to-left UI languages: Dari and Urdu. */
export const RTL_LANGS: readonly TemplateLang[] = ['fa-AF', 'ur'];

type Words = Record<TemplateLang, string>;
const W = (en: string, fr: string, es: string, pt: string, ru: string, fa: string, ur: string): Words => ({ en, fr, es, pt, ru, 'fa-AF': fa, ur });

/** The newsletter's own words in the seven UI languages; field labels come from the templates. */
export const NEWSLETTER_WORDS = {
  daily: W('Daily newsletter', 'Lettre d’information quotidienne', 'Boletín diario', 'Boletim diário', 'Ежедневный бюллетень', 'خبرنامه روزانه', 'روزانہ نیوز لیٹر'),
  onDemand: W('Newsletter', 'Lettre d’information', 'Boletín', 'Boletim', 'Бюллетень', 'خبرنامه', 'نیوز لیٹر'),
  period: W('Period', 'Période', 'Período', 'Período', 'Период', 'دوره', 'مدت'),
  generated: W('Generated on', 'Établie le', 'Generado el', 'Gerado em', 'Сформирован', 'تهیه‌شده در', 'تیار کردہ بتاریخ'),
  statistics: W('Operational statistics', 'Statistiques opérationnelles', 'Estadísticas operativas', 'Estatísticas operacionais', 'Оперативная статистика', 'آمار عملیاتی', 'آپریشنل اعداد و شمار'),
  sinceStart: W('Since the start of the operation', 'Depuis le début de l’opération', 'Desde el inicio de la operación', 'Desde o início da operação', 'С начала операции', 'از آغاز عملیات', 'آپریشن کے آغاز سے'),
  inPeriod: W('In this period', 'Sur la période', 'En este período', 'Neste período', 'За этот период', 'در این دوره', 'اس مدت میں'),
  messagesByType: W('Messages by type', 'Messages par type', 'Mensajes por tipo', 'Mensagens por tipo', 'Сообщения по типам', 'پیام‌ها بر اساس نوع', 'پیغامات بلحاظ قسم'),
  plain: W('Messages without a template', 'Messages sans modèle', 'Mensajes sin plantilla', 'Mensagens sem modelo', 'Сообщения без шаблона', 'پیام‌های بدون قالب', 'سانچے کے بغیر پیغامات'),
  total: W('Total', 'Total', 'Total', 'Total', 'Всего', 'مجموع', 'کل'),
  type: W('Type', 'Type', 'Tipo', 'Tipo', 'Тип', 'نوع', 'قسم'),
  count: W('Number', 'Nombre', 'Número', 'Número', 'Количество', 'تعداد', 'تعداد'),
  warnings: W('Warnings', 'Alertes', 'Alertas', 'Alertas', 'Предупреждения', 'هشدارها', 'انتباہات'),
  openWarnings: W('Open warnings', 'Alertes ouvertes', 'Alertas abiertas', 'Alertas em aberto', 'Открытые предупреждения', 'هشدارهای باز', 'کھلے انتباہات'),
  closedWarnings: W('Closed warnings', 'Alertes clôturées', 'Alertas cerradas', 'Alertas encerrados', 'Закрытые предупреждения', 'هشدارهای بسته‌شده', 'بند انتباہات'),
  answered: W(
    'Answered by a feedback or seizure',
    'Ayant reçu une réponse (retour d’information ou saisie)',
    'Respondidas con una respuesta o una incautación',
    'Respondidos com uma resposta ou uma apreensão',
    'С ответом (ответное сообщение или изъятие)',
    'پاسخ داده‌شده با بازخورد یا ضبط',
    'فیڈبیک یا ضبطی کے ذریعے جواب دیے گئے',
  ),
  responseTime: W(
    'Response time (warning to first answer)',
    'Délai de réponse (de l’alerte à la première réponse)',
    'Tiempo de respuesta (de la alerta a la primera respuesta)',
    'Tempo de resposta (do alerta à primeira resposta)',
    'Время ответа (от предупреждения до первого ответа)',
    'زمان پاسخ (از هشدار تا نخستین پاسخ)',
    'جواب کا وقت (انتباہ سے پہلے جواب تک)',
  ),
  median: W('Median', 'Médiane', 'Mediana', 'Mediana', 'Медиана', 'میانه', 'وسطانیہ'),
  mean: W('Mean', 'Moyenne', 'Media', 'Média', 'Среднее', 'میانگین', 'اوسط'),
  seizures: W('Seizures', 'Saisies', 'Incautaciones', 'Apreensões', 'Изъятия', 'ضبط‌ها', 'ضبطیاں'),
  byCommodity: W('Seizures by commodity', 'Saisies par type de marchandise', 'Incautaciones por tipo de mercancía', 'Apreensões por tipo de mercadoria', 'Изъятия по видам товаров', 'ضبط‌ها بر اساس نوع کالا', 'ضبطیاں بلحاظ سامان'),
  byCountry: W('Seizures by country', 'Saisies par pays', 'Incautaciones por país', 'Apreensões por país', 'Изъятия по странам', 'ضبط‌ها بر اساس کشور', 'ضبطیاں بلحاظ ملک'),
  byPrecursor: W('Seizures by precursor', 'Saisies par précurseur', 'Incautaciones por precursor', 'Apreensões por precursor', 'Изъятия по прекурсорам', 'ضبط‌ها بر اساس پیش‌ساز', 'ضبطیاں بلحاظ پیش رو کیمیکل'),
  country: W('Country', 'Pays', 'País', 'País', 'Страна', 'کشور', 'ملک'),
  seizuresInPeriod: W(
    'Seizures reported in this period',
    'Saisies signalées sur la période',
    'Incautaciones notificadas en este período',
    'Apreensões comunicadas neste período',
    'Изъятия, о которых сообщено за этот период',
    'ضبط‌های گزارش‌شده در این دوره',
    'اس مدت میں رپورٹ کی گئی ضبطیاں',
  ),
  noSeizures: W(
    'No seizure was reported in this period.',
    'Aucune saisie n’a été signalée sur la période.',
    'No se notificó ninguna incautación en este período.',
    'Nenhuma apreensão foi comunicada neste período.',
    'За этот период об изъятиях не сообщалось.',
    'در این دوره هیچ ضبطی گزارش نشده است.',
    'اس مدت میں کوئی ضبطی رپورٹ نہیں ہوئی۔',
  ),
  sentBy: W('Sent by', 'Envoyé par', 'Enviado por', 'Enviado por', 'Отправитель', 'فرستنده', 'بھیجنے والا'),
  sentAt: W('Sent on', 'Envoyé le', 'Enviado el', 'Enviado em', 'Дата отправки', 'تاریخ ارسال', 'بھیجنے کی تاریخ'),
  route: W('Route', 'Itinéraire', 'Ruta', 'Rota', 'Маршрут', 'مسیر', 'راستہ'),
  photos: W('Photos', 'Photos', 'Fotografías', 'Fotografias', 'Фотографии', 'تصاویر', 'تصاویر'),
  confidential: W(
    'This newsletter is for the members of the operation {op} only. Do not forward it.',
    'Cette lettre d’information est réservée aux membres de l’opération {op}. Ne la transférez pas.',
    'Este boletín está reservado a los miembros de la operación {op}. No lo reenvíe.',
    'Este boletim destina-se exclusivamente aos membros da operação {op}. Não o reencaminhe.',
    'Этот бюллетень предназначен только для участников операции {op}. Не пересылайте его.',
    'این خبرنامه تنها برای اعضای عملیات {op} است. آن را برای دیگران نفرستید.',
    'یہ نیوز لیٹر صرف آپریشن {op} کے اراکین کے لیے ہے۔ اسے آگے نہ بھیجیں۔',
  ),
  readInApp: W('Read it in OpenCEN', 'La lire dans OpenCEN', 'Leerlo en OpenCEN', 'Lê-lo no OpenCEN', 'Открыть в OpenCEN', 'خواندن در OpenCEN', 'OpenCEN میں پڑھیں'),
  hours: W('h', 'h', 'h', 'h', 'ч', 'ساعت', 'گھنٹے'),
  minutes: W('min', 'min', 'min', 'min', 'мин', 'دقیقه', 'منٹ'),
} satisfies Record<string, Words>;

export type NewsletterWord = keyof typeof NEWSLETTER_WORDS;
export const word = (key: NewsletterWord, lang: TemplateLang): string => NEWSLETTER_WORDS[key][lang];
