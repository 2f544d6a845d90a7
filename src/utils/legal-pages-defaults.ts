import type { LegalLanguage, LegalPageSlug, LegalText } from "./legal-pages"

/**
 * The texts a new store starts with, until the merchant edits them in the admin (Settings →
 * Legal pages). Bracketed fields are the merchant's details to fill in.
 */
export const DEFAULT_LEGAL_PAGES: Record<LegalPageSlug, Record<LegalLanguage, LegalText>> = {
  offer: {
    ru: {
      title: "Публичная оферта",
      body: [
        "Настоящий документ — публичная оферта [наименование продавца, ИНН, ОГРН/ОГРНИП] (далее — Продавец) о заключении договора на предоставление доступа к онлайн-курсам на изложенных ниже условиях (ст. 435 и п. 2 ст. 437 ГК РФ).",
        "1. Предмет. Продавец предоставляет Покупателю доступ к выбранному онлайн-курсу (материалам, каналу или чату курса), а Покупатель оплачивает его по цене, указанной в магазине на момент заказа.",
        "2. Акцепт. Оплата заказа означает полное и безоговорочное принятие условий оферты. Договор считается заключённым с момента поступления оплаты.",
        "3. Доступ. Доступ открывается сразу после оплаты: курс появляется в разделе «Мои курсы», бот присылает сообщение со ссылкой. Доступ предоставляется лично Покупателю; передавать его третьим лицам запрещено.",
        "4. Оплата. Цены указаны в рублях. Оплата принимается через платёжный сервис ЮKassa; кассовый чек направляется на указанный e-mail в соответствии с 54-ФЗ.",
        "5. Возврат. Условия возврата денежных средств изложены в документе «Условия возврата».",
        "6. Реквизиты продавца: [наименование, ИНН, адрес, e-mail для обращений].",
      ].join("\n\n"),
    },
    en: {
      title: "Public offer",
      body: [
        "This document is a public offer by [seller name, tax id] (the Seller) to provide access to online courses on the terms below.",
        "1. Subject. The Seller gives the Buyer access to the chosen online course (its materials, channel or chat); the Buyer pays the price shown in the store when ordering.",
        "2. Acceptance. Paying for an order means full acceptance of this offer. The contract is concluded when the payment is received.",
        "3. Access. Access opens right after payment: the course appears in My courses and the bot sends a message with the link. Access is personal and may not be passed on.",
        "4. Payment. Prices are in roubles. Payments are processed by YooKassa; the fiscal receipt (54-FZ) is sent to the e-mail given.",
        "5. Refunds. See the Refund terms.",
        "6. Seller's details: [name, tax id, address, contact e-mail].",
      ].join("\n\n"),
    },
  },
  privacy: {
    ru: {
      title: "Политика обработки персональных данных",
      body: [
        "Политика составлена в соответствии с Федеральным законом от 27.07.2006 № 152-ФЗ «О персональных данных» и определяет порядок обработки персональных данных покупателей [наименование оператора, ИНН] (далее — Оператор).",
        "1. Какие данные мы обрабатываем: идентификатор, имя, фамилия, имя пользователя и язык в Telegram; адрес электронной почты для чека; сведения о заказах и платежах; обезличенные данные о действиях в магазине.",
        "2. Цели: заключение и исполнение договора, предоставление доступа к курсам, направление кассовых чеков (54-ФЗ), ответы на обращения, улучшение работы магазина.",
        "3. Правовые основания: исполнение договора, стороной которого является субъект (п. 5 ч. 1 ст. 6 152-ФЗ), и согласие субъекта.",
        "4. Передача третьим лицам: платёжному сервису ЮKassa и оператору фискальных данных — в объёме, необходимом для оплаты и чека. Данные хранятся на серверах в Российской Федерации.",
        "5. Сроки: данные хранятся, пока действует доступ к курсам, и после — в сроки, установленные законом.",
        "6. Права субъекта: получить сведения об обработке, потребовать уточнения, блокирования или уничтожения данных, отозвать согласие, написав на [e-mail оператора].",
      ].join("\n\n"),
    },
    en: {
      title: "Personal data policy",
      body: [
        "This policy follows Russian Federal Law No. 152-FZ “On Personal Data” and describes how [operator name, tax id] (the Operator) processes buyers' personal data.",
        "1. Data we process: your Telegram id, first and last name, username and language; the e-mail for the receipt; your orders and payments; anonymous data on how the store is used.",
        "2. Purposes: concluding and performing the contract, giving access to courses, sending fiscal receipts (54-FZ), answering requests, improving the store.",
        "3. Legal grounds: performance of a contract with you and your consent.",
        "4. Third parties: the payment service YooKassa and the fiscal data operator, only as needed for the payment and the receipt. Data is stored on servers in the Russian Federation.",
        "5. Retention: while your course access lasts, then as long as the law requires.",
        "6. Your rights: to learn how your data is processed, to have it corrected, blocked or deleted, and to withdraw consent — write to [operator e-mail].",
      ].join("\n\n"),
    },
  },
  refunds: {
    ru: {
      title: "Условия возврата",
      body: [
        "1. Вы можете отказаться от курса и вернуть деньги в течение 14 дней с момента оплаты, если не прошли более 20% материалов курса.",
        "2. Чтобы оформить возврат, напишите на [e-mail продавца] или боту магазина, указав номер заказа. Мы ответим в течение 3 рабочих дней.",
        "3. Деньги возвращаются тем же способом, которым была произведена оплата, в течение 10 дней после одобрения возврата; срок зачисления зависит от банка.",
        "4. После возврата доступ к курсу, его материалам и чату закрывается.",
        "5. Если курс не был предоставлен по вине продавца, деньги возвращаются полностью в любой момент.",
      ].join("\n\n"),
    },
    en: {
      title: "Refund terms",
      body: [
        "1. You may cancel a course and get your money back within 14 days of paying, if you have completed no more than 20% of it.",
        "2. To ask for a refund, write to [seller e-mail] or to the store's bot with your order number. We answer within 3 working days.",
        "3. The money goes back the way you paid, within 10 days of the refund being approved; when it arrives depends on your bank.",
        "4. After a refund, access to the course, its materials and chat is closed.",
        "5. If the course was not provided through the seller's fault, you get a full refund at any time.",
      ].join("\n\n"),
    },
  },
}
