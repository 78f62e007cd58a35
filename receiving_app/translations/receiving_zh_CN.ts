<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AgeingModel</name>
    <message>
        <source>LPN</source>
        <translation>LPN</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>收货时间</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>滞留时长</translation>
    </message>
    <message>
        <source>Waited in state</source>
        <translation>本状态停留</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>时限</translation>
    </message>
    <message>
        <source>Goes to</source>
        <translation>去向</translation>
    </message>
    <message>
        <source>{hours} h</source>
        <translation>{hours} h</translation>
    </message>
</context>
<context>
    <name>AgeingTab</name>
    <message>
        <source>Ageing ({over} over target)</source>
        <translation>滞留（{over} 件超时）</translation>
    </message>
    <message>
        <source>{hours} h</source>
        <translation>{hours} h</translation>
    </message>
    <message>
        <source>Waiting now</source>
        <translation>当前等待</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>件数</translation>
    </message>
    <message>
        <source>Over target</source>
        <translation>超时</translation>
    </message>
    <message>
        <source>Oldest</source>
        <translation>最久</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>时限</translation>
    </message>
    <message>
        <source>Received, not inspected</source>
        <translation>已收货，未检验</translation>
    </message>
    <message>
        <source>Graded, not moved</source>
        <translation>已定级，未上架</translation>
    </message>
    <message>
        <source>Targets, from receipt</source>
        <translation>时限（自收货起算）</translation>
    </message>
    <message>
        <source>&amp;Inspected within</source>
        <translation>检验时限(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Dock-to-stock within</source>
        <translation>到库上架时限(&amp;D)</translation>
    </message>
    <message>
        <source> h</source>
        <translation> h</translation>
    </message>
    <message>
        <source>&amp;Save targets</source>
        <translation>保存时限(&amp;S)</translation>
    </message>
    <message>
        <source>S&amp;how</source>
        <translation>显示(&amp;H)</translation>
    </message>
    <message>
        <source>All waiting units</source>
        <translation>所有等待中的商品</translation>
    </message>
    <message>
        <source>Tinted rows are over their target.</source>
        <translation>带底色的行已超出时限。</translation>
    </message>
    <message>
        <source>Put away</source>
        <translation>上架</translation>
    </message>
    <message>
        <source>Scan the unit&apos;s LPN</source>
        <translation>扫描商品的 LPN</translation>
    </message>
    <message>
        <source>Then scan the bin (location)</source>
        <translation>再扫描货位（库位）</translation>
    </message>
    <message>
        <source>&amp;Put away</source>
        <translation>上架(&amp;P)</translation>
    </message>
    <message>
        <source>Targets saved: inspected within {received} h, dock-to-stock within {graded} h.</source>
        <translation>时限已保存：{received} h 内检验，{graded} h 内到库上架。</translation>
    </message>
    <message>
        <source>{lpn} was already put away at {location} by {user}, {time}.</source>
        <translation>{lpn} 已于 {time} 由 {user} 上架到 {location}。</translation>
    </message>
    <message>
        <source>{lpn} put away at {location} ({route}).</source>
        <translation>{lpn} 已上架到 {location}（{route}）。</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>Returns Receiving cannot start</source>
        <translation>退货收货系统无法启动</translation>
    </message>
    <message>
        <source>The database {url} does not have the schema this version of Returns Receiving works with:
{detail}

Ask an administrator to run &quot;receiving-app db upgrade --db URL&quot;, or to install the matching version of the app.</source>
        <translation>数据库 {url} 的结构与此版本的退货收货系统不一致：
{detail}

请管理员运行 &quot;receiving-app db upgrade --db URL&quot;，或安装与之匹配的程序版本。</translation>
    </message>
    <message>
        <source>The database {url} cannot be used now:
{detail}</source>
        <translation>数据库 {url} 暂时无法使用：
{detail}</translation>
    </message>
    <message>
        <source>Cannot open the database {url}:
{detail}

Check the address given with --db, in RECEIVING_DB_URL or in the station file, and that the database server is running.</source>
        <translation>无法打开数据库 {url}：
{detail}

请检查 --db、RECEIVING_DB_URL 或工位配置文件中的地址，并确认数据库服务器正在运行。</translation>
    </message>
    <message>
        <source>Returns Receiving</source>
        <translation>退货收货</translation>
    </message>
</context>
<context>
    <name>ApprovalsDialog</name>
    <message>
        <source>Customer outcomes waiting for approval</source>
        <translation>等待审批的顾客处理方案</translation>
    </message>
    <message>
        <source>Rows tinted: the customer claims a defect the inspection did not find.</source>
        <translation>带底色的行：顾客声称有缺陷，但检验未发现。</translation>
    </message>
    <message>
        <source>Note (required to reject)</source>
        <translation>备注（驳回时必填）</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>批准</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>驳回</translation>
    </message>
    <message>
        <source>{lpn}: {outcome} approved.</source>
        <translation>{lpn}：{outcome} 已批准。</translation>
    </message>
    <message>
        <source>{lpn}: {outcome} rejected.</source>
        <translation>{lpn}：{outcome} 已驳回。</translation>
    </message>
</context>
<context>
    <name>ApprovalsModel</name>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>LPN</source>
        <translation>LPN</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>By</source>
        <translation>提交人</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Before → after</source>
        <translation>变更前 → 变更后</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>已等待</translation>
    </message>
    <message>
        <source>Reason or notes</source>
        <translation>原因或备注</translation>
    </message>
</context>
<context>
    <name>ApprovalsTab</name>
    <message>
        <source>Approvals ({count})</source>
        <translation>审批（{count}）</translation>
    </message>
    <message>
        <source>Rows tinted: the customer claims a defect the inspection did not find.</source>
        <translation>带底色的行：顾客声称有缺陷，但检验未发现。</translation>
    </message>
    <message>
        <source>Note (required to reject)</source>
        <translation>备注（驳回时必填）</translation>
    </message>
    <message>
        <source>&amp;Approve</source>
        <translation>批准(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Reject</source>
        <translation>驳回(&amp;R)</translation>
    </message>
    <message>
        <source>Approved: {what} of {lpn}.</source>
        <translation>已批准：{lpn} 的 {what}。</translation>
    </message>
    <message>
        <source>Rejected: {what} of {lpn}.</source>
        <translation>已驳回：{lpn} 的 {what}。</translation>
    </message>
</context>
<context>
    <name>Audit</name>
    <message>
        <source>record {seq} is missing</source>
        <translation>第 {seq} 条记录缺失</translation>
    </message>
    <message>
        <source>its link to the previous record does not hold</source>
        <translation>它与上一条记录的链接对不上</translation>
    </message>
    <message>
        <source>its contents were changed after it was written</source>
        <translation>它写入后内容被改动过</translation>
    </message>
    <message>
        <source>records after it were deleted</source>
        <translation>它之后的记录被删除了</translation>
    </message>
</context>
<context>
    <name>BarChart</name>
    <message numerus="yes">
        <source>{caption}, {day}: %n unit(s)</source>
        <translation>
            <numerusform>{caption}，{day}：%n 件</numerusform>
        </translation>
    </message>
    <message>
        <source>No returns in this period</source>
        <translation>此期间没有退货</translation>
    </message>
</context>
<context>
    <name>BatchLinesModel</name>
    <message>
        <source>Carton</source>
        <translation>箱</translation>
    </message>
    <message>
        <source>SSCC</source>
        <translation>SSCC</translation>
    </message>
    <message>
        <source>LPN</source>
        <translation>LPN</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Serial</source>
        <translation>序列号</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>成本</translation>
    </message>
</context>
<context>
    <name>BatchesModel</name>
    <message>
        <source>Batch</source>
        <translation>批次</translation>
    </message>
    <message>
        <source>Vendor</source>
        <translation>供应商</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>件数</translation>
    </message>
    <message>
        <source>Total cost</source>
        <translation>总成本</translation>
    </message>
    <message>
        <source>Vendor RMA</source>
        <translation>供应商 RMA</translation>
    </message>
    <message>
        <source>Opened (age)</source>
        <translation>开启时间（天数）</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>关闭时间</translation>
    </message>
    <message>
        <source>Shipped on</source>
        <translation>发货日期</translation>
    </message>
    <message>
        <source>Carrier</source>
        <translation>承运商</translation>
    </message>
    <message>
        <source>Tracking</source>
        <translation>运单号</translation>
    </message>
    <message>
        <source>{date} ({days} d)</source>
        <translation>{date}（{days} d）</translation>
    </message>
</context>
<context>
    <name>CLI</name>
    <message>
        <source>database URL: sqlite:///file.db or postgresql://user:pw@host/name (default: RECEIVING_DB_URL, the station file, or the embedded file)</source>
        <translation>数据库地址：sqlite:///file.db 或 postgresql://user:pw@host/name（默认：RECEIVING_DB_URL、工位设置文件或内置数据库文件）</translation>
    </message>
    <message>
        <source>Returns Receiving. Without a command it opens the receiving station window.</source>
        <translation>退货收货。不带命令时打开收货工位窗口。</translation>
    </message>
    <message>
        <source>open the GUI on the demo database (created and seeded on first use)</source>
        <translation>在演示数据库上打开界面（首次使用时创建并填入数据）</translation>
    </message>
    <message>
        <source>open the inspection station window instead of the receiving one</source>
        <translation>打开质检工位窗口，而不是收货窗口</translation>
    </message>
    <message>
        <source>open the receiving station window, even where the station file says mode = &quot;inspection&quot;</source>
        <translation>打开收货工位窗口，即使工位配置文件中写的是 mode = &quot;inspection&quot;</translation>
    </message>
    <message>
        <source>open the supervisor&apos;s desk: queues, vendor returns, reports and the dashboard</source>
        <translation>打开主管工作台：待办队列、退回供应商、报表和看板</translation>
    </message>
    <message>
        <source>commands</source>
        <translation>命令</translation>
    </message>
    <message>
        <source>print what the app makes of scanned texts, one JSON per line</source>
        <translation>打印程序对扫描内容的识别结果，每行一个 JSON</translation>
    </message>
    <message>
        <source>database schema</source>
        <translation>数据库结构</translation>
    </message>
    <message>
        <source>bring a database to this schema</source>
        <translation>把数据库升级到本版本的结构</translation>
    </message>
    <message>
        <source>the audit log</source>
        <translation>审计日志</translation>
    </message>
    <message>
        <source>check the hash chain and say where it breaks</source>
        <translation>检查哈希链，并指出在哪里断开</translation>
    </message>
    <message>
        <source>users and roles</source>
        <translation>用户与角色</translation>
    </message>
    <message>
        <source>add a user</source>
        <translation>添加用户</translation>
    </message>
    <message>
        <source>dock, inspector, supervisor or admin</source>
        <translation>dock（收货员）、inspector（质检员）、supervisor（主管）或 admin（管理员）</translation>
    </message>
    <message>
        <source>the name shown on screen</source>
        <translation>屏幕上显示的姓名</translation>
    </message>
    <message>
        <source>the code on the user&apos;s badge</source>
        <translation>用户工牌上的号码</translation>
    </message>
    <message>
        <source>a PIN of at least 4 digits (for logging in without a badge)</source>
        <translation>至少 4 位数字的 PIN 码（不带工牌时登录用）</translation>
    </message>
    <message>
        <source>fill an empty database with realistic demo data</source>
        <translation>向空数据库填入逼真的演示数据</translation>
    </message>
    <message>
        <source>also returns of the past DAYS days: received, inspected, graded and routed</source>
        <translation>同时生成过去 DAYS 天的退货：已收货、已检验、已评级并已分流</translation>
    </message>
    <message>
        <source>also write a printable scan sheet of barcodes</source>
        <translation>同时生成可打印的条码练习单</translation>
    </message>
    <message>
        <source>also write the scan sheet&apos;s codes as JSON</source>
        <translation>同时把练习单上的号码写成 JSON</translation>
    </message>
    <message>
        <source>Applied {count} migration(s): {names}</source>
        <translation>已执行 {count} 个数据库迁移：{names}</translation>
    </message>
    <message>
        <source>The database is already at the current schema.</source>
        <translation>数据库已是当前结构。</translation>
    </message>
    <message>
        <source>Audit chain intact: {count} records.</source>
        <translation>审计链完整：共 {count} 条记录。</translation>
    </message>
    <message>
        <source>Audit chain broken at record {seq}: {problem}.</source>
        <translation>审计链在第 {seq} 条记录处断开：{problem}。</translation>
    </message>
    <message>
        <source>Added {name} ({role}).</source>
        <translation>已添加 {name}（{role}）。</translation>
    </message>
    <message>
        <source>the folder {folder} does not exist</source>
        <translation>文件夹 {folder} 不存在</translation>
    </message>
    <message>
        <source>demo-data needs --db URL (it never fills a database by guess)</source>
        <translation>demo-data 需要 --db URL（不会凭猜测去填充数据库）</translation>
    </message>
    <message>
        <source>Demo data written: {counts}.</source>
        <translation>演示数据已写入：{counts}。</translation>
    </message>
    <message>
        <source>Returns Receiving: scan sheet</source>
        <translation>退货收货：扫描练习单</translation>
    </message>
    <message>
        <source>inspection checklists and grading</source>
        <translation>检验清单与定级</translation>
    </message>
    <message>
        <source>print the current checklist of a product category</source>
        <translation>打印某个商品类别当前的检验清单</translation>
    </message>
    <message>
        <source>print the grade that answers would get, and why</source>
        <translation>打印一组答案会得到的等级及原因</translation>
    </message>
    <message>
        <source>a JSON object that maps each step id to its answer</source>
        <translation>一个 JSON 对象，将每个步骤 id 对应到它的答案</translation>
    </message>
    <message>
        <source>inspected units and their reports</source>
        <translation>已检验的商品及其检验报告</translation>
    </message>
    <message>
        <source>write the report of a unit&apos;s latest completed inspection as a PDF</source>
        <translation>把商品最近一次完成的检验报告写成 PDF</translation>
    </message>
    <message>
        <source>the PDF file to write (replaced if it exists)</source>
        <translation>要写入的 PDF 文件（已存在时会被覆盖）</translation>
    </message>
    <message>
        <source>the disposition routing rules</source>
        <translation>处置分流规则</translation>
    </message>
    <message>
        <source>where a unit with these facts would go, and why</source>
        <translation>具有这些条件的商品会被分流到哪里，以及原因</translation>
    </message>
    <message>
        <source>the unit&apos;s resale value</source>
        <translation>商品的转售价值</translation>
    </message>
    <message>
        <source>what the dock paid the vendor for it</source>
        <translation>仓库向供应商支付的进货成本</translation>
    </message>
    <message>
        <source>does the vendor take returns back</source>
        <translation>供应商是否接受退货</translation>
    </message>
    <message>
        <source>the vendor&apos;s return window in days</source>
        <translation>供应商的退货期限（天）</translation>
    </message>
    <message>
        <source>days since the order was delivered</source>
        <translation>订单签收后的天数</translation>
    </message>
    <message>
        <source>the return reason code</source>
        <translation>退货原因代码</translation>
    </message>
    <message>
        <source>the parcel&apos;s condition</source>
        <translation>包裹状况</translation>
    </message>
    <message>
        <source>try these rules instead of the current ones</source>
        <translation>用这些规则试算，而不是当前规则</translation>
    </message>
    <message>
        <source>print the routing rules in order</source>
        <translation>按顺序打印分流规则</translation>
    </message>
    <message>
        <source>show these rules instead of the current ones</source>
        <translation>显示这些规则，而不是当前规则</translation>
    </message>
    <message>
        <source>customer outcomes (refund, exchange, repair)</source>
        <translation>顾客处理方案（退款、换货、维修）</translation>
    </message>
    <message>
        <source>write the approved outcomes as CSV for the order system</source>
        <translation>把已批准的顾客处理方案写成 CSV，供订单系统使用</translation>
    </message>
    <message>
        <source>export the outcomes approved in --from..--to again</source>
        <translation>重新导出在 --from..--to 期间批准的处理方案</translation>
    </message>
    <message>
        <source>print the outcome policy, or set it from a JSON file</source>
        <translation>打印顾客处理政策，或从 JSON 文件设置政策</translation>
    </message>
    <message>
        <source>check this policy and make it the dock&apos;s (audited)</source>
        <translation>检查此政策并设为本仓库的政策（记入审计）</translation>
    </message>
    <message>
        <source>--again goes with --from and --to, and only with them.</source>
        <translation>--again 必须与 --from 和 --to 一起使用，--from 和 --to 也只能与 --again 一起使用。</translation>
    </message>
    <message>
        <source>{count} outcomes written to {file}.</source>
        <translation>已将 {count} 条处理方案写入 {file}。</translation>
    </message>
    <message>
        <source>the dock&apos;s labels</source>
        <translation>收货区的标签</translation>
    </message>
    <message>
        <source>write a label with sample data as PDF or ZPL, to set up a printer</source>
        <translation>用示例数据生成 PDF 或 ZPL 标签，用于调试打印机</translation>
    </message>
    <message>
        <source>lpn, disposition or parcel</source>
        <translation>lpn、disposition 或 parcel</translation>
    </message>
    <message>
        <source>the label stock: 4x6, 4x2 (inches) or 62x29mm</source>
        <translation>标签纸规格：4x6、4x2（英寸）或 62x29mm</translation>
    </message>
    <message>
        <source>the printer&apos;s resolution: 203 or 300</source>
        <translation>打印机分辨率：203 或 300</translation>
    </message>
    <message>
        <source>pdf for a printer driver, zpl for a Zebra printer</source>
        <translation>pdf 用于打印机驱动，zpl 用于斑马打印机</translation>
    </message>
    <message>
        <source>the file to write (replaced if it exists)</source>
        <translation>要写入的文件（已存在时会被覆盖）</translation>
    </message>
    <message>
        <source>Disposition report ({format}) of {start} to {end} written to {file}: {units} units.</source>
        <translation>已将 {start} 至 {end} 的处置报表（{format}）写入 {file}：共 {units} 件。</translation>
    </message>
    <message>
        <source>supervisors&apos; reports as PDF, CSV or XLSX</source>
        <translation>主管报表，格式为 PDF、CSV 或 XLSX</translation>
    </message>
    <message>
        <source>units routed in a period by disposition, grade, reason, vendor, category, product and inspector, with recovered value and dock-to-stock time</source>
        <translation>按处置去向、等级、原因、供应商、类别、商品和质检员统计期间内分流的商品，含回收价值和到库上架时长</translation>
    </message>
    <message>
        <source>the units received in the period, one row each, as they stand now</source>
        <translation>期间内收到的商品，每件一行，为其当前状态</translation>
    </message>
    <message>
        <source>every routing decision made in the period, overridden ones included</source>
        <translation>期间内做出的所有分流决定，包括被改判的</translation>
    </message>
    <message>
        <source>every customer outcome (refund, exchange, repair) proposed in the period</source>
        <translation>期间内提出的所有顾客处理方案（退款、换货、维修）</translation>
    </message>
    <message>
        <source>{rows} rows of {dataset} ({format}) from {start} to {end} written to {file}.</source>
        <translation>{dataset}（{format}）从 {start} 到 {end} 的 {rows} 行已写入 {file}。</translation>
    </message>
    <message>
        <source>{rows} rows of {dataset} ({format}) from {start} to {end}, with customers&apos; personal data (exported for {user}), written to {file}.</source>
        <translation>{dataset}（{format}）从 {start} 到 {end} 的 {rows} 行（含顾客个人信息，为 {user} 导出）已写入 {file}。</translation>
    </message>
    <message>
        <source>units, routing decisions or customer outcomes as CSV or XLSX</source>
        <translation>以 CSV 或 XLSX 格式导出的已收商品、分流决定或顾客处理方案</translation>
    </message>
    <message>
        <source>the period&apos;s first day (the dock&apos;s local date)</source>
        <translation>期间的第一天（仓库当地日期）</translation>
    </message>
    <message>
        <source>the period&apos;s last day, included (at most 366 days)</source>
        <translation>期间的最后一天，含当天（最多 366 天）</translation>
    </message>
    <message>
        <source>csv or xlsx (default: from the file&apos;s extension)</source>
        <translation>csv 或 xlsx（默认：按文件扩展名判断）</translation>
    </message>
    <message>
        <source>also the customers&apos; names, references and words (needs --user)</source>
        <translation>同时导出顾客的姓名、单号和留言（需要 --user）</translation>
    </message>
    <message>
        <source>the supervisor exporting personal data</source>
        <translation>导出个人信息的主管</translation>
    </message>
    <message>
        <source>pdf, csv or xlsx (default: from the file&apos;s extension)</source>
        <translation>pdf、csv 或 xlsx（默认：按文件扩展名判断）</translation>
    </message>
    <message>
        <source>list a supervisor&apos;s queue, oldest first</source>
        <translation>列出某个主管的待办队列，最早的在前</translation>
    </message>
    <message>
        <source>print JSON for scripts</source>
        <translation>打印 JSON，供脚本使用</translation>
    </message>
    <message>
        <source>the supervisor who looks (needed for approvals)</source>
        <translation>查看队列的主管（审批时需要）</translation>
    </message>
    <message>
        <source>mark a graded unit moved to its location</source>
        <translation>将已定级的商品标记为已上架到其库位</translation>
    </message>
    <message>
        <source>the location scanned: refused if it is not the unit&apos;s</source>
        <translation>扫描到的库位：如果不是该商品的库位则拒绝</translation>
    </message>
    <message>
        <source>the supervisor who moved it</source>
        <translation>执行上架的主管</translation>
    </message>
    <message>
        <source>print the ageing targets, or set them from a JSON file</source>
        <translation>打印滞留时限，或从 JSON 文件设置时限</translation>
    </message>
    <message>
        <source>check these targets and make them the dock&apos;s (audited)</source>
        <translation>检查这些时限并设为本仓库的时限（记入审计）</translation>
    </message>
    <message>
        <source>Nothing is waiting.</source>
        <translation>没有等待处理的项目。</translation>
    </message>
    <message>
        <source>{lpn} put away at {location} by {user} ({time}).</source>
        <translation>{lpn} 已由 {user} 上架到 {location}（{time}）。</translation>
    </message>
    <message>
        <source>{lpn} was already put away at {location} by {user} ({time}): nothing changed.</source>
        <translation>{lpn} 已由 {user} 上架到 {location}（{time}）：未做任何更改。</translation>
    </message>
    <message>
        <source>vendor-return (RTV) batches</source>
        <translation>退回供应商（RTV）批次</translation>
    </message>
    <message>
        <source>list the batches</source>
        <translation>列出批次</translation>
    </message>
    <message>
        <source>a batch&apos;s cartons and units</source>
        <translation>批次中的箱和商品</translation>
    </message>
    <message>
        <source>record the vendor&apos;s RMA number for an open batch</source>
        <translation>为未关闭的批次记录供应商的 RMA 号</translation>
    </message>
    <message>
        <source>close a batch into cartons with SSCCs</source>
        <translation>关闭批次并装箱，为各箱生成 SSCC</translation>
    </message>
    <message>
        <source>record that a closed batch left the dock</source>
        <translation>记录已关闭的批次已发出仓库</translation>
    </message>
    <message>
        <source>write a batch&apos;s manifest as PDF or CSV</source>
        <translation>将批次的发货清单写成 PDF 或 CSV</translation>
    </message>
    <message>
        <source>print or set the dock&apos;s GS1 company prefix for SSCCs</source>
        <translation>打印或设置本仓库用于 SSCC 的 GS1 厂商识别代码</translation>
    </message>
    <message>
        <source>{batch}  {state}  {vendor}  {units} units  cost {cost}  {age} days  vendor RMA {rma}</source>
        <translation>{batch}  {state}  {vendor}  {units} 件  成本 {cost}  {age} 天  供应商 RMA {rma}</translation>
    </message>
    <message>
        <source>No vendor-return batches.</source>
        <translation>没有退回供应商批次。</translation>
    </message>
    <message>
        <source>  carton {number}: {sscc}  {units} units</source>
        <translation>  第 {number} 箱：{sscc}  {units} 件</translation>
    </message>
    <message>
        <source>Batch {batch}: vendor RMA {rma}.</source>
        <translation>批次 {batch}：供应商 RMA {rma}。</translation>
    </message>
    <message>
        <source>Batch {batch} closed into {cartons} carton(s): {ssccs}.</source>
        <translation>批次 {batch} 已关闭，共 {cartons} 箱：{ssccs}。</translation>
    </message>
    <message>
        <source>Batch {batch} shipped on {date} with {carrier}.</source>
        <translation>批次 {batch} 已于 {date} 由 {carrier} 发运。</translation>
    </message>
    <message>
        <source>Written: {file}</source>
        <translation>已写入：{file}</translation>
    </message>
    <message>
        <source>No GS1 company prefix is set: receiving-app rtv prefix --set DIGITS</source>
        <translation>尚未设置 GS1 厂商识别代码：receiving-app rtv prefix --set DIGITS</translation>
    </message>
    <message>
        <source>GS1 company prefix {prefix}, SSCC extension digit {extension}.</source>
        <translation>GS1 厂商识别代码 {prefix}，SSCC 扩展位 {extension}。</translation>
    </message>
    <message>
        <source>print the barcodes read in image files, one JSON line per image</source>
        <translation>打印图像文件中读到的条码，每个图像一行 JSON</translation>
    </message>
    <message>
        <source>a photo or scan: PNG, JPEG, WebP, BMP or TIFF</source>
        <translation>照片或扫描件：PNG、JPEG、WebP、BMP 或 TIFF</translation>
    </message>
    <message>
        <source>Imported {entity} from {file}: {inserted} inserted, {updated} updated, {unchanged} unchanged, {rejected} rejected in {seconds:.1f} s ({rate:.0f} rows/s).</source>
        <translation>已从 {file} 导入{entity}：新增 {inserted}，更新 {updated}，未变 {unchanged}，拒绝 {rejected}，用时 {seconds:.1f} 秒（{rate:.0f} 行/秒）。</translation>
    </message>
    <message>
        <source>Nothing imported: {count} problem(s) in {file}. Fix them, or import the valid rows only with --valid-only.</source>
        <translation>未导入任何数据：{file} 中有 {count} 个问题。请修正，或使用 --valid-only 只导入有效的行。</translation>
    </message>
    <message>
        <source>row {row}, column {column}: {message}</source>
        <translation>第 {row} 行，{column} 列：{message}</translation>
    </message>
    <message>
        <source>{file}: {message}</source>
        <translation>{file}：{message}</translation>
    </message>
    <message>
        <source>... and {count} more problem(s).</source>
        <translation>……另有 {count} 个问题。</translation>
    </message>
    <message>
        <source>Rejected rows written to {file}.</source>
        <translation>被拒绝的行已写入 {file}。</translation>
    </message>
    <message>
        <source>Also created: {counts}.</source>
        <translation>同时创建了：{counts}。</translation>
    </message>
    <message>
        <source>import vendors, products, orders or RMAs from a CSV or XLSX export</source>
        <translation>从 CSV 或 XLSX 导出文件导入供应商、商品、订单或退货单</translation>
    </message>
    <message>
        <source>the sales channel&apos;s code: its orders&apos; channel, and its column layout when one is shipped (taobao, jd)</source>
        <translation>销售渠道代码：用作其订单的渠道，若程序自带该渠道的列格式（taobao、jd）也一并使用</translation>
    </message>
    <message>
        <source>a JSON file naming which column holds which field</source>
        <translation>一个 JSON 文件，指明哪一列对应哪个字段</translation>
    </message>
    <message>
        <source>import the valid rows and write the rejected ones to a file for fixing</source>
        <translation>导入有效的行，并把被拒绝的行写入文件以便修正</translation>
    </message>
    <message>
        <source>where --valid-only writes rejected rows (default: FILE.rejected.csv)</source>
        <translation>--valid-only 写入被拒绝行的位置（默认：FILE.rejected.csv）</translation>
    </message>
</context>
<context>
    <name>Camera</name>
    <message>
        <source>Camera off.</source>
        <translation>摄像头已关闭。</translation>
    </message>
    <message>
        <source>The camera is switched off in the station settings ([camera] enabled = false).</source>
        <translation>站点设置中已停用摄像头（[camera] enabled = false）。</translation>
    </message>
    <message>
        <source>Camera {device} on: hold the barcode up to it.</source>
        <translation>摄像头 {device} 已开启：请把条码对准它。</translation>
    </message>
    <message>
        <source>No camera {device}: plug one in, or choose another in the station settings ([camera] device). Looking for it again…</source>
        <translation>没有摄像头 {device}：请插上摄像头，或在站点设置中另选一个（[camera] device）。正在重新查找…</translation>
    </message>
    <message>
        <source>Camera {device} cannot be opened: close the other program that uses it (a video call?) or plug it in again. Trying again…</source>
        <translation>无法打开摄像头 {device}：请关闭正在使用它的其他程序（视频通话？）或重新插拔。正在重试…</translation>
    </message>
    <message>
        <source>Camera {device} stopped sending pictures (unplugged?): plug it back in, it reconnects by itself.</source>
        <translation>摄像头 {device} 不再传送画面（被拔出？）：重新插上后会自动重连。</translation>
    </message>
    <message>
        <source>Camera {device} is back: hold the barcode up to it.</source>
        <translation>摄像头 {device} 已恢复：请把条码对准它。</translation>
    </message>
</context>
<context>
    <name>CameraPanel</name>
    <message>
        <source>Stop camera</source>
        <translation>关闭摄像头</translation>
    </message>
    <message>
        <source>Start camera</source>
        <translation>开启摄像头</translation>
    </message>
</context>
<context>
    <name>Checklist</name>
    <message>
        <source>There is no checklist for the category {category}; known: {known}.</source>
        <translation>没有类别 {category} 的检验清单；已有的类别：{known}。</translation>
    </message>
    <message>
        <source>{name} ({category}), version {version}</source>
        <translation>{name}（{category}），版本 {version}</translation>
    </message>
    <message>
        <source>Grading: the worst defect found decides ({rules}); none gives A.</source>
        <translation>定级规则：以发现的最严重缺陷为准（{rules}）；无缺陷为 A。</translation>
    </message>
    <message>
        <source>The file {file} cannot be read: {detail}</source>
        <translation>无法读取文件 {file}：{detail}</translation>
    </message>
    <message>
        <source>The answers must be a JSON object of step ids and their answers.</source>
        <translation>答案必须是一个由步骤 id 和对应答案组成的 JSON 对象。</translation>
    </message>
    <message>
        <source>Grade {grade} ({name}, version {version})</source>
        <translation>等级 {grade}（{name}，版本 {version}）</translation>
    </message>
    <message>
        <source>Every step passed.</source>
        <translation>所有步骤均通过。</translation>
    </message>
    <message>
        <source>Worst defect: {severity}. Failing steps:</source>
        <translation>最严重的问题：{severity}。未通过的步骤：</translation>
    </message>
    <message>
        <source>pass or fail; a fail is {severity}</source>
        <translation>通过或不通过；不通过为{severity}</translation>
    </message>
    <message>
        <source>a number in {unit}; outside {low} to {high} is {severity}</source>
        <translation>以 {unit} 为单位的数值；超出 {low} 至 {high} 为{severity}</translation>
    </message>
    <message>
        <source>a photo (required)</source>
        <translation>照片（必填）</translation>
    </message>
    <message>
        <source>a photo (optional)</source>
        <translation>照片（选填）</translation>
    </message>
    <message>
        <source>a note (required)</source>
        <translation>备注（必填）</translation>
    </message>
    <message>
        <source>a note (optional)</source>
        <translation>备注（选填）</translation>
    </message>
    <message>
        <source>fail</source>
        <translation>不通过</translation>
    </message>
    <message>
        <source>The answers name a step {step} that this checklist does not have.</source>
        <translation>答案中的步骤 {step} 不在此检验清单中。</translation>
    </message>
    <message>
        <source>Step {position} ({step}) has no answer.</source>
        <translation>第 {position} 步（{step}）没有答案。</translation>
    </message>
    <message>
        <source>Step {position} ({step}) needs an answer, not null.</source>
        <translation>第 {position} 步（{step}）需要答案，不能为 null。</translation>
    </message>
    <message>
        <source>Step {position} ({step}): answer true (pass) or false (fail), not {value}.</source>
        <translation>第 {position} 步（{step}）：请回答 true（通过）或 false（不通过），而不是 {value}。</translation>
    </message>
    <message>
        <source>Step {position} ({step}): {value} is not one of: {options}.</source>
        <translation>第 {position} 步（{step}）：{value} 不是以下选项之一：{options}。</translation>
    </message>
    <message>
        <source>Step {position} ({step}): answer a number in {unit}, not {value}.</source>
        <translation>第 {position} 步（{step}）：请填写以 {unit} 为单位的数值，而不是 {value}。</translation>
    </message>
    <message>
        <source>Step {position} ({step}): the photo is required; give its reference (the file&apos;s hash).</source>
        <translation>第 {position} 步（{step}）：照片为必填项；请给出照片的引用（文件的哈希值）。</translation>
    </message>
    <message>
        <source>Step {position} ({step}): give the photo&apos;s reference, or null for none.</source>
        <translation>第 {position} 步（{step}）：请给出照片的引用，没有照片时填 null。</translation>
    </message>
    <message>
        <source>Step {position} ({step}): the note is required and must be a text.</source>
        <translation>第 {position} 步（{step}）：备注为必填项，且必须是文本。</translation>
    </message>
    <message>
        <source>Step {position} ({step}): the note must be a text, or null for none.</source>
        <translation>第 {position} 步（{step}）：备注必须是文本，没有备注时填 null。</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无缺陷</translation>
    </message>
    <message>
        <source>cosmetic</source>
        <translation>外观瑕疵</translation>
    </message>
    <message>
        <source>minor</source>
        <translation>轻微缺陷</translation>
    </message>
    <message>
        <source>major</source>
        <translation>严重缺陷</translation>
    </message>
    <message>
        <source>critical</source>
        <translation>致命缺陷</translation>
    </message>
    <message>
        <source>Step {position} ({step}) must be an object with id, kind and question.</source>
        <translation>第 {position} 步（{step}）必须是一个包含 id、kind 和 question 的对象。</translation>
    </message>
    <message>
        <source>Step {position} ({step}): the id must start with a lower-case letter and hold only lower-case letters, digits and _.</source>
        <translation>第 {position} 步（{step}）：id 必须以小写字母开头，且只能包含小写字母、数字和 _。</translation>
    </message>
    <message>
        <source>Step {position} ({step}): unknown kind {kind}; use pass_fail, choice, measure, photo or note.</source>
        <translation>第 {position} 步（{step}）：未知的类型 {kind}；请使用 pass_fail、choice、measure、photo 或 note。</translation>
    </message>
    <message>
        <source>Step {position} ({step}): a {kind} step has no field {field}.</source>
        <translation>第 {position} 步（{step}）：{kind} 类型的步骤没有字段 {field}。</translation>
    </message>
    <message>
        <source>Step {position} ({step}): the question is missing.</source>
        <translation>第 {position} 步（{step}）：缺少问题（question）。</translation>
    </message>
    <message>
        <source>Step {position} ({step}): the help must be a text.</source>
        <translation>第 {position} 步（{step}）：帮助说明（help）必须是文本。</translation>
    </message>
    <message>
        <source>Step {position} ({step}): required must be true or false.</source>
        <translation>第 {position} 步（{step}）：required 必须是 true 或 false。</translation>
    </message>
    <message>
        <source>Step {position} ({step}): the severity must be cosmetic, minor, major or critical (found {value}).</source>
        <translation>第 {position} 步（{step}）：severity 必须是 cosmetic、minor、major 或 critical（实际为 {value}）。</translation>
    </message>
    <message>
        <source>Step {position} ({step}): a choice needs a list of two or more options.</source>
        <translation>第 {position} 步（{step}）：选择题需要一个包含两个或更多选项的列表。</translation>
    </message>
    <message>
        <source>Step {position} ({step}): option {option} needs exactly a key (lower-case letters, digits, _), a label and a severity.</source>
        <translation>第 {position} 步（{step}）：选项 {option} 必须且只能包含 key（小写字母、数字、_）、label 和 severity。</translation>
    </message>
    <message>
        <source>Step {position} ({step}): option {option} has an unknown severity {value}; use none, cosmetic, minor, major or critical.</source>
        <translation>第 {position} 步（{step}）：选项 {option} 的严重程度 {value} 未知；请使用 none、cosmetic、minor、major 或 critical。</translation>
    </message>
    <message>
        <source>Step {position} ({step}): option {option} repeats the key or label of an earlier option.</source>
        <translation>第 {position} 步（{step}）：选项 {option} 与前面某个选项的 key 或 label 重复。</translation>
    </message>
    <message>
        <source>Step {position} ({step}): no option has severity none, so no unit could pass.</source>
        <translation>第 {position} 步（{step}）：没有严重程度为 none 的选项，任何商品都无法通过此步骤。</translation>
    </message>
    <message>
        <source>Step {position} ({step}): a measure needs its unit, like % or mm.</source>
        <translation>第 {position} 步（{step}）：测量题需要单位，例如 % 或 mm。</translation>
    </message>
    <message>
        <source>Step {position} ({step}): {field} must be a number (found {value}).</source>
        <translation>第 {position} 步（{step}）：{field} 必须是数字（实际为 {value}）。</translation>
    </message>
    <message>
        <source>Step {position} ({step}): a measure needs a min, a max or both.</source>
        <translation>第 {position} 步（{step}）：测量题需要 min、max 或两者都有。</translation>
    </message>
    <message>
        <source>Step {position} ({step}): min {min} is greater than max {max}.</source>
        <translation>第 {position} 步（{step}）：min {min} 大于 max {max}。</translation>
    </message>
    <message>
        <source>Step {position} ({step}): translations must map language codes (like zh_CN) to a question, a help and option labels by option key.</source>
        <translation>第 {position} 步（{step}）：translations 必须将语言代码（如 zh_CN）对应到 question、help 以及按选项 key 给出的选项标签。</translation>
    </message>
    <message>
        <source>The key {key} appears twice in one object.</source>
        <translation>键 {key} 在同一个对象中出现了两次。</translation>
    </message>
    <message>
        <source>This is not valid JSON: {detail}</source>
        <translation>这不是有效的 JSON：{detail}</translation>
    </message>
    <message>
        <source>A checklist must be a JSON object with category, name, version, grades and steps.</source>
        <translation>检验清单必须是一个包含 category、name、version、grades 和 steps 的 JSON 对象。</translation>
    </message>
    <message>
        <source>The checklist has an unknown field {field}.</source>
        <translation>检验清单中有未知字段 {field}。</translation>
    </message>
    <message>
        <source>The checklist has no {field}.</source>
        <translation>检验清单缺少 {field}。</translation>
    </message>
    <message>
        <source>The category must be lower-case letters, digits and _ (found {value}).</source>
        <translation>类别（category）只能包含小写字母、数字和 _（实际为 {value}）。</translation>
    </message>
    <message>
        <source>The name must be a non-empty text.</source>
        <translation>名称（name）必须是非空文本。</translation>
    </message>
    <message>
        <source>The version must be a whole number of 1 or more (found {value}).</source>
        <translation>版本（version）必须是大于等于 1 的整数（实际为 {value}）。</translation>
    </message>
    <message>
        <source>The grades must be an object that maps each severity to A, B or C.</source>
        <translation>grades 必须是一个将每个严重程度对应到 A、B 或 C 的对象。</translation>
    </message>
    <message>
        <source>The grades name {severity}, which is not a severity: use cosmetic, minor, major and critical (no defect always gives A).</source>
        <translation>grades 中的 {severity} 不是严重程度：请使用 cosmetic、minor、major 和 critical（无缺陷总是 A）。</translation>
    </message>
    <message>
        <source>The grade for {severity} must be A, B or C (found {value}).</source>
        <translation>{severity} 的等级必须是 A、B 或 C（实际为 {value}）。</translation>
    </message>
    <message>
        <source>The grades give no grade for {severity}.</source>
        <translation>grades 没有给出 {severity} 的等级。</translation>
    </message>
    <message>
        <source>The grades give {worse} ({worse_grade}) a better grade than {better} ({better_grade}); a worse defect must never grade better.</source>
        <translation>grades 给 {worse}（{worse_grade}）的等级比 {better}（{better_grade}）还好；更严重的缺陷绝不能得到更好的等级。</translation>
    </message>
    <message>
        <source>The steps must be a list of at least one step.</source>
        <translation>steps 必须是至少包含一个步骤的列表。</translation>
    </message>
    <message>
        <source>Step {position} ({step}): an earlier step already has this id.</source>
        <translation>第 {position} 步（{step}）：前面已有步骤使用了这个 id。</translation>
    </message>
    <message>
        <source>The checklist&apos;s translations must map language codes (like zh_CN) to an object with a name.</source>
        <translation>检验清单的 translations 必须将语言代码（如 zh_CN）对应到一个包含 name 的对象。</translation>
    </message>
    <message>
        <source>There is no stored checklist for {category}.</source>
        <translation>没有已保存的 {category} 检验清单。</translation>
    </message>
    <message>
        <source>{category} has no stored version {version}.</source>
        <translation>{category} 没有已保存的版本 {version}。</translation>
    </message>
    <message>
        <source>The category {category} is not allowed: use up to 32 lower-case letters, digits and _, starting with a letter.</source>
        <translation>类别 {category} 不可用：最多 32 个字符，只能包含小写字母、数字和 _，并以字母开头。</translation>
    </message>
    <message>
        <source>{category} already has a checklist: open it and change it instead.</source>
        <translation>{category} 已有检验清单：请打开它进行修改。</translation>
    </message>
    <message>
        <source>Say in a few words what you changed (at most {limit} characters).</source>
        <translation>请简要说明修改了什么（最多 {limit} 个字符）。</translation>
    </message>
    <message>
        <source>Nothing changed: this is the checklist {category} already uses.</source>
        <translation>没有任何改动：这就是 {category} 当前使用的检验清单。</translation>
    </message>
    <message>
        <source>Someone saved a new version of {category} while you were editing. Open the latest version and make your change there again.</source>
        <translation>在你编辑期间，已有人保存了 {category} 的新版本。请打开最新版本，在其中重新修改。</translation>
    </message>
</context>
<context>
    <name>ChecklistEditorDialog</name>
    <message>
        <source>Checklists</source>
        <translation>检验清单</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <source>History</source>
        <translation>历史版本</translation>
    </message>
    <message>
        <source>Grade overrides</source>
        <translation>等级改判</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>New category…</source>
        <translation>新建类别…</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Name (中文)</source>
        <translation>名称（中文）</translation>
    </message>
    <message>
        <source>{severity} →</source>
        <translation>{severity} →</translation>
    </message>
    <message>
        <source>Add step</source>
        <translation>添加步骤</translation>
    </message>
    <message>
        <source>Remove step</source>
        <translation>删除步骤</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>上移</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>下移</translation>
    </message>
    <message>
        <source>What changed</source>
        <translation>修改说明</translation>
    </message>
    <message>
        <source>e.g. dents are a major defect from now on</source>
        <translation>例如：凹痕从现在起算作严重缺陷</translation>
    </message>
    <message>
        <source>Save as new version</source>
        <translation>保存为新版本</translation>
    </message>
    <message>
        <source>Discard changes</source>
        <translation>放弃修改</translation>
    </message>
    <message>
        <source>Edit from this version</source>
        <translation>基于此版本编辑</translation>
    </message>
    <message>
        <source>Stored versions never change: inspections keep the version they used. Editing from an older version and saving makes it the newest version again.</source>
        <translation>已保存的版本永远不会改变：每次检验都保留它所用的版本。基于旧版本编辑并保存后，它会再次成为最新版本。</translation>
    </message>
    <message>
        <source>Grades overridden in the last 30 days, newest first. Overrides to a better grade are tinted.</source>
        <translation>最近 30 天内改判的等级，最新的在前。改判为更好等级的行带底色标出。</translation>
    </message>
    <message>
        <source>(no question yet)</source>
        <translation>（尚无问题）</translation>
    </message>
    <message>
        <source>Editing {category}: saving makes version {version}</source>
        <translation>正在编辑 {category}：保存后成为版本 {version}</translation>
    </message>
    <message>
        <source>New checklist {category}: saving makes version 1</source>
        <translation>新检验清单 {category}：保存后成为版本 1</translation>
    </message>
    <message>
        <source>The checklist is complete and can be saved.</source>
        <translation>检验清单已完整，可以保存。</translation>
    </message>
    <message>
        <source>No changes yet.</source>
        <translation>尚无改动。</translation>
    </message>
    <message>
        <source>The checklist has changes that are not saved. Discard them?</source>
        <translation>检验清单有尚未保存的修改。要放弃这些修改吗？</translation>
    </message>
    <message>
        <source>Saved as version {version}. New inspections use it from now on.</source>
        <translation>已保存为版本 {version}。今后新的检验都使用此版本。</translation>
    </message>
</context>
<context>
    <name>ChecklistStepPanel</name>
    <message>
        <source>Step {position} of {total}</source>
        <translation>第 {position} 步，共 {total} 步</translation>
    </message>
    <message>
        <source>F4  Take the photo…</source>
        <translation>F4  拍照…</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>确定</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>上一步</translation>
    </message>
    <message>
        <source>Answered: {answer}</source>
        <translation>已回答：{answer}</translation>
    </message>
    <message>
        <source>a number from {low:g} to {high:g}</source>
        <translation>{low:g} 到 {high:g} 之间的数值</translation>
    </message>
    <message>
        <source>a number, at least {low:g}</source>
        <translation>数值，至少 {low:g}</translation>
    </message>
    <message>
        <source>a number, at most {high:g}</source>
        <translation>数值，至多 {high:g}</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>Y or 1: yes · N or 2: no · Backspace: previous step</source>
        <translation>Y 或 1：是 · N 或 2：否 · 退格键：上一步</translation>
    </message>
    <message>
        <source>Press the number of the answer · Enter keeps the answer · Backspace: previous step</source>
        <translation>按答案前的数字 · 回车保留已有答案 · 退格键：上一步</translation>
    </message>
    <message>
        <source>Type the number and press Enter · Backspace in the empty field: previous step</source>
        <translation>输入数值后按回车 · 输入框为空时按退格键：上一步</translation>
    </message>
    <message>
        <source>Type the note and press Enter · Backspace in the empty field: previous step</source>
        <translation>输入备注后按回车 · 输入框为空时按退格键：上一步</translation>
    </message>
    <message>
        <source>F4 takes the photo (camera if on, else a file) · Backspace: previous step</source>
        <translation>F4 拍照（摄像头开启时用摄像头，否则选择文件） · 退格键：上一步</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>photo attached</source>
        <translation>已附照片</translation>
    </message>
</context>
<context>
    <name>ChecklistVersionsModel</name>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Stored</source>
        <translation>保存时间</translation>
    </message>
    <message>
        <source>Saved by</source>
        <translation>保存人</translation>
    </message>
    <message>
        <source>What changed</source>
        <translation>修改说明</translation>
    </message>
    <message>
        <source>Inspections</source>
        <translation>检验次数</translation>
    </message>
    <message>
        <source>template file</source>
        <translation>模板文件</translation>
    </message>
</context>
<context>
    <name>ChoiceDialog</name>
    <message>
        <source>Number, or scan</source>
        <translation>输入序号，或扫码</translation>
    </message>
    <message>
        <source>Press 1 to {count} to choose, or ↑/↓ and Enter. Esc cancels.</source>
        <translation>按 1 到 {count} 选择，或用 ↑/↓ 加回车。Esc 取消。</translation>
    </message>
</context>
<context>
    <name>CrashReporter</name>
    <message>
        <source>Unexpected error</source>
        <translation>意外错误</translation>
    </message>
    <message>
        <source>Something went wrong inside the app. What you scanned before this message is saved. Scan the last item again; if this keeps happening, tell a supervisor.</source>
        <translation>程序内部出错。此提示之前扫描的内容都已保存。请重新扫描最后一件；如果反复出现，请告知主管。</translation>
    </message>
</context>
<context>
    <name>CustomerOutcome</name>
    <message>
        <source>{requested} is outside the policy; {outcome} is allowed</source>
        <translation>{requested} 超出政策范围；可以 {outcome}</translation>
    </message>
    <message>
        <source>{requested} is outside the policy and nothing else is</source>
        <translation>{requested} 超出政策范围，也没有其他可选方案</translation>
    </message>
    <message>
        <source>the customer claims {reason}, but the inspection found no defect</source>
        <translation>顾客声称 {reason}，但检验未发现缺陷</translation>
    </message>
    <message>
        <source>the inspection does not support the refund: a supervisor decides</source>
        <translation>检验结果不支持退款：由主管决定</translation>
    </message>
    <message>
        <source>a refund of {amount} is above the {limit} a station may approve</source>
        <translation>退款 {amount} 超过工位可自动批准的上限 {limit}</translation>
    </message>
    <message>
        <source>The policy must be a JSON object.</source>
        <translation>政策必须是一个 JSON 对象。</translation>
    </message>
    <message>
        <source>The policy has an unknown field {field}.</source>
        <translation>政策中有未知字段 {field}。</translation>
    </message>
    <message>
        <source>{field} must be an object of names and values.</source>
        <translation>{field} 必须是由名称和数值组成的对象。</translation>
    </message>
    <message>
        <source>{field} must be a whole number of days from 0 to 3650.</source>
        <translation>{field} 必须是 0 到 3650 之间的整数天数。</translation>
    </message>
    <message>
        <source>{field} must be an amount of 0 or more.</source>
        <translation>{field} 必须是不小于 0 的金额。</translation>
    </message>
    <message>
        <source>Say why in a note (at most {limit} characters).</source>
        <translation>请在备注中说明原因（最多 {limit} 个字符）。</translation>
    </message>
    <message>
        <source>There is no customer outcome {id}.</source>
        <translation>顾客处理方案 {id} 不存在。</translation>
    </message>
    <message>
        <source>Customer outcome {id} was already {state} by {user}: nothing changed.</source>
        <translation>顾客处理方案 {id} 已由 {user} 处理（{state}）：未做任何更改。</translation>
    </message>
    <message>
        <source>This is not valid JSON: {detail}</source>
        <translation>这不是有效的 JSON：{detail}</translation>
    </message>
</context>
<context>
    <name>DashboardTab</name>
    <message>
        <source>Dashboard</source>
        <translation>看板</translation>
    </message>
    <message>
        <source>As of {time}</source>
        <translation>截至 {time}</translation>
    </message>
    <message>
        <source>Target: {hours} h from receipt</source>
        <translation>目标：收货后 {hours} h 内</translation>
    </message>
    <message>
        <source>{hours} h</source>
        <translation>{hours} h</translation>
    </message>
    <message>
        <source>{days} d</source>
        <translation>{days} d</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>No vendor</source>
        <translation>无供应商</translation>
    </message>
    <message>
        <source>No RMA</source>
        <translation>无退货单</translation>
    </message>
    <message>
        <source>Click a bar, a slice or a point to list the units behind it.</source>
        <translation>点击柱形、扇区或数据点，列出其对应的商品。</translation>
    </message>
    <message>
        <source>last {days} days</source>
        <translation>最近 {days} 天</translation>
    </message>
    <message>
        <source>Units behind: {what}, {when} ({count}; the newest {shown} shown)</source>
        <translation>对应商品：{what}，{when}（{count} 件；显示最新的 {shown} 件）</translation>
    </message>
    <message>
        <source>Units behind: {what}, {when} ({count})</source>
        <translation>对应商品：{what}，{when}（{count} 件）</translation>
    </message>
    <message>
        <source>Work done</source>
        <translation>完成工作量</translation>
    </message>
    <message>
        <source>Parcels</source>
        <translation>包裹</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>已收货</translation>
    </message>
    <message>
        <source>Inspected</source>
        <translation>已检验</translation>
    </message>
    <message>
        <source>Restock</source>
        <translation>重新入库</translation>
    </message>
    <message>
        <source>Refurbish</source>
        <translation>翻新</translation>
    </message>
    <message>
        <source>Vendor return</source>
        <translation>退回供应商</translation>
    </message>
    <message>
        <source>Scrap</source>
        <translation>报废</translation>
    </message>
    <message>
        <source>Put away</source>
        <translation>已上架</translation>
    </message>
    <message>
        <source>Exceptions</source>
        <translation>异常</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>This week</source>
        <translation>本周</translation>
    </message>
    <message>
        <source>Queues</source>
        <translation>待办队列</translation>
    </message>
    <message>
        <source>Approvals waiting</source>
        <translation>待审批</translation>
    </message>
    <message>
        <source>Open exceptions</source>
        <translation>未处理异常</translation>
    </message>
    <message>
        <source>Units waiting</source>
        <translation>待处理商品</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>件数</translation>
    </message>
    <message>
        <source>Over target</source>
        <translation>超时</translation>
    </message>
    <message>
        <source>Oldest</source>
        <translation>最久</translation>
    </message>
    <message>
        <source>For inspection</source>
        <translation>待检验</translation>
    </message>
    <message>
        <source>For put-away</source>
        <translation>待上架</translation>
    </message>
    <message>
        <source>&amp;Split by</source>
        <translation>分组依据(&amp;S)</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>退货原因</translation>
    </message>
    <message>
        <source>Disposition</source>
        <translation>处置去向</translation>
    </message>
    <message>
        <source>Vendor</source>
        <translation>供应商</translation>
    </message>
    <message>
        <source>&amp;Period</source>
        <translation>时段(&amp;P)</translation>
    </message>
    <message>
        <source>Last {days} days</source>
        <translation>最近 {days} 天</translation>
    </message>
    <message>
        <source>&amp;Chart</source>
        <translation>图表(&amp;C)</translation>
    </message>
    <message>
        <source>Bars per day</source>
        <translation>每日柱状图</translation>
    </message>
    <message>
        <source>Lines over time</source>
        <translation>趋势折线图</translation>
    </message>
</context>
<context>
    <name>DataTab</name>
    <message>
        <source>Import and export</source>
        <translation>导入与导出</translation>
    </message>
    <message>
        <source>Choose a mapping file</source>
        <translation>选择列映射文件</translation>
    </message>
    <message>
        <source>Mapping file (*.json)</source>
        <translation>列映射文件 (*.json)</translation>
    </message>
    <message>
        <source>Choose the file to import</source>
        <translation>选择要导入的文件</translation>
    </message>
    <message>
        <source>CSV or Excel file (*.csv *.xlsx)</source>
        <translation>CSV 或 Excel 文件 (*.csv *.xlsx)</translation>
    </message>
    <message>
        <source>CSV file (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Save the export</source>
        <translation>保存导出文件</translation>
    </message>
</context>
<context>
    <name>DeskTab</name>
    <message>
        <source>{hours} h</source>
        <translation>{hours} h</translation>
    </message>
    <message>
        <source>{days} d {hours} h</source>
        <translation>{days} d {hours} h</translation>
    </message>
</context>
<context>
    <name>DomainWords</name>
    <message>
        <source>intact</source>
        <translation>完好</translation>
    </message>
    <message>
        <source>damaged</source>
        <translation>破损</translation>
    </message>
    <message>
        <source>wet</source>
        <translation>受潮</translation>
    </message>
    <message>
        <source>opened</source>
        <translation>已拆封</translation>
    </message>
    <message>
        <source>matches</source>
        <translation>相符</translation>
    </message>
    <message>
        <source>extra</source>
        <translation>多出</translation>
    </message>
    <message>
        <source>serial mismatch</source>
        <translation>序列号不符</translation>
    </message>
    <message>
        <source>wrong item</source>
        <translation>错货</translation>
    </message>
    <message>
        <source>not on order</source>
        <translation>不在订单中</translation>
    </message>
    <message>
        <source>no RMA</source>
        <translation>无退货单</translation>
    </message>
    <message>
        <source>dock</source>
        <translation>收货员</translation>
    </message>
    <message>
        <source>inspector</source>
        <translation>质检员</translation>
    </message>
    <message>
        <source>supervisor</source>
        <translation>主管</translation>
    </message>
    <message>
        <source>admin</source>
        <translation>管理员</translation>
    </message>
    <message>
        <source>restock</source>
        <translation>重新入库</translation>
    </message>
    <message>
        <source>refurbish</source>
        <translation>翻新</translation>
    </message>
    <message>
        <source>vendor return</source>
        <translation>退回供应商</translation>
    </message>
    <message>
        <source>scrap</source>
        <translation>报废</translation>
    </message>
    <message>
        <source>graded</source>
        <translation>已定级</translation>
    </message>
    <message>
        <source>moved</source>
        <translation>已上架</translation>
    </message>
    <message>
        <source>shipped</source>
        <translation>已发货</translation>
    </message>
    <message>
        <source>refund</source>
        <translation>退款</translation>
    </message>
    <message>
        <source>exchange</source>
        <translation>换货</translation>
    </message>
    <message>
        <source>repair</source>
        <translation>维修</translation>
    </message>
    <message>
        <source>no outcome</source>
        <translation>无处理方案</translation>
    </message>
    <message>
        <source>customer outcome</source>
        <translation>顾客处理方案</translation>
    </message>
    <message>
        <source>grade override</source>
        <translation>等级改判</translation>
    </message>
    <message>
        <source>route override</source>
        <translation>去向更改</translation>
    </message>
    <message>
        <source>parcel without RMA</source>
        <translation>无退货单包裹</translation>
    </message>
    <message>
        <source>extra unit</source>
        <translation>多出商品</translation>
    </message>
    <message>
        <source>missing lines</source>
        <translation>缺失明细</translation>
    </message>
    <message>
        <source>defective</source>
        <translation>质量问题</translation>
    </message>
    <message>
        <source>damaged in transit</source>
        <translation>运输损坏</translation>
    </message>
    <message>
        <source>wrong item sent</source>
        <translation>发错货</translation>
    </message>
    <message>
        <source>not as described</source>
        <translation>与描述不符</translation>
    </message>
    <message>
        <source>no longer needed</source>
        <translation>不再需要</translation>
    </message>
    <message>
        <source>size or fit</source>
        <translation>尺码不合适</translation>
    </message>
    <message>
        <source>open</source>
        <translation>进行中</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <source>received</source>
        <translation>已收货</translation>
    </message>
</context>
<context>
    <name>Error</name>
    <message>
        <source>A user name is 1 to 64 characters.</source>
        <translation>用户名为 1 到 64 个字符。</translation>
    </message>
    <message>
        <source>A user named {name} or with badge {badge} already exists.</source>
        <translation>已存在名为 {name} 或工牌为 {badge} 的用户。</translation>
    </message>
    <message>
        <source>A courier table file is wrong: {detail}</source>
        <translation>快递单号规则文件有误：{detail}</translation>
    </message>
    <message>
        <source>The dock setting {key} is broken: set it again.</source>
        <translation>收货区设置 {key} 已损坏：请重新设置。</translation>
    </message>
    <message>
        <source>The dock setting {key} needs four different letter-only prefixes.</source>
        <translation>收货区设置 {key} 需要四个互不相同、仅含字母的前缀。</translation>
    </message>
    <message>
        <source>Choose between 1 and {maximum} demo orders.</source>
        <extracomment>The GS1 company prefix of the demo dock&apos;s SSCCs: the one GS1&apos;s own examples use.</extracomment>
        <translation>演示订单数量请选择 1 到 {maximum} 之间。</translation>
    </message>
    <message>
        <source>The database already has {what}: demo data goes only into an empty database. Create a new database and generate the demo data there.</source>
        <translation>数据库中已有{what}：演示数据只能写入空数据库。请新建一个数据库，再在其中生成演示数据。</translation>
    </message>
    <message>
        <source>The settings file {path} is not valid TOML ({detail}): fix it or delete it to use the defaults.</source>
        <translation>设置文件 {path} 不是有效的 TOML（{detail}）：请修正，或删除它以使用默认设置。</translation>
    </message>
    <message>
        <source>In {path}, {key} must be {expected}.</source>
        <translation>在 {path} 中，{key} 必须是 {expected}。</translation>
    </message>
    <message>
        <source>{user} ({role}) may not {permission}: log in as a user who may.</source>
        <translation>{user}（{role}）无权执行 {permission}：请用有权限的用户登录。</translation>
    </message>
    <message>
        <source>A PIN is at least {length} digits.</source>
        <translation>PIN 码至少 {length} 位数字。</translation>
    </message>
    <message>
        <source>Unknown role {role}: use one of {roles}.</source>
        <translation>未知角色 {role}：请使用 {roles} 之一。</translation>
    </message>
    <message>
        <source>{text} is not an LPN: give the LPN printed on the unit&apos;s label.</source>
        <translation>{text} 不是 LPN：请提供商品标签上印的 LPN。</translation>
    </message>
    <message>
        <source>No unit has the LPN {lpn}: check the label and try again.</source>
        <translation>没有 LPN 为 {lpn} 的商品：请核对标签后重试。</translation>
    </message>
    <message>
        <source>There is no inspection {inspection}.</source>
        <translation>检验 {inspection} 不存在。</translation>
    </message>
    <message>
        <source>{lpn} has no completed inspection yet: inspect it at an inspection station first, then ask for the report again.</source>
        <translation>{lpn} 还没有已完成的检验：请先在质检工位检验它，然后再重新获取报告。</translation>
    </message>
    <message>
        <source>{lpn} has no completed inspection yet: the one {user} started at {time} is still open. Finish it at an inspection station, then ask for the report again.</source>
        <translation>{lpn} 还没有已完成的检验：{user} 于 {time} 开始的检验仍未完成。请在质检工位完成它，然后再重新获取报告。</translation>
    </message>
    <message>
        <source>The report of {lpn} cannot be printed: {detail}. Ask a supervisor.</source>
        <translation>无法打印 {lpn} 的报告：{detail}。请询问主管。</translation>
    </message>
    <message>
        <source>Cannot write {file} ({detail}): choose another file or folder.</source>
        <translation>无法写入 {file}（{detail}）：请选择其他文件或文件夹。</translation>
    </message>
    <message>
        <source>The file {file} cannot be read: {detail}</source>
        <translation>无法读取文件 {file}：{detail}</translation>
    </message>
    <message>
        <source>{text} is not a date: write it as YYYY-MM-DD.</source>
        <translation>{text} 不是日期：请按 YYYY-MM-DD 格式填写。</translation>
    </message>
    <message>
        <source>The period ends ({end}) before it starts ({start}): swap the two dates.</source>
        <translation>时段的结束日期（{end}）早于开始日期（{start}）：请对调这两个日期。</translation>
    </message>
    <message>
        <source>The period from {start} to {end} is {days} days long; a report covers at most {limit} days: make it shorter.</source>
        <translation>从 {start} 到 {end} 的时段共 {days} 天；报表最多覆盖 {limit} 天：请缩短时段。</translation>
    </message>
    <message>
        <source>Say why in a note (at most {limit} characters).</source>
        <translation>请在备注中说明原因（最多 {limit} 个字符）。</translation>
    </message>
    <message>
        <source>A note holds at most {limit} characters.</source>
        <translation>备注最多 {limit} 个字符。</translation>
    </message>
    <message>
        <source>There is no approval item {key}.</source>
        <translation>审批项 {key} 不存在。</translation>
    </message>
    <message>
        <source>Unit {lpn} has moved on since this override (a newer inspection or route): nothing changed, refresh the queue.</source>
        <translation>商品 {lpn} 在此项更改之后已有变化（有了新的检验或去向）：未做任何更改，请刷新队列。</translation>
    </message>
    <message>
        <source>{key} is your own override: another supervisor (or an admin) must review it.</source>
        <translation>{key} 是你本人提交的更改：必须由另一位主管（或管理员）审核。</translation>
    </message>
    <message>
        <source>There is no open exception {subject}.</source>
        <translation>没有未处理的异常 {subject}。</translation>
    </message>
    <message>
        <source>{key} was already approved by {user}: nothing changed.</source>
        <translation>{key} 已由 {user} 批准：未做任何更改。</translation>
    </message>
    <message>
        <source>{key} was already rejected by {user}: nothing changed.</source>
        <translation>{key} 已由 {user} 驳回：未做任何更改。</translation>
    </message>
    <message>
        <source>{subject} was already resolved by {user}, linked: nothing changed.</source>
        <translation>{subject} 已由 {user} 处理（已关联）：未做任何更改。</translation>
    </message>
    <message>
        <source>{subject} was already resolved by {user}, closed: nothing changed.</source>
        <translation>{subject} 已由 {user} 处理（已关闭）：未做任何更改。</translation>
    </message>
    <message>
        <source>Say why the exception is closed (at most {limit} characters).</source>
        <translation>请说明关闭此异常的原因（最多 {limit} 个字符）。</translation>
    </message>
    <message>
        <source>There is no RMA {rma}.</source>
        <translation>退货单 {rma} 不存在。</translation>
    </message>
    <message>
        <source>There is no order {order}.</source>
        <translation>订单 {order} 不存在。</translation>
    </message>
    <message>
        <source>RMA {rma} belongs to order {rma_order}, but parcel {parcel} came with order {order}.</source>
        <translation>退货单 {rma} 属于订单 {rma_order}，但包裹 {parcel} 对应的是订单 {order}。</translation>
    </message>
    <message>
        <source>Parcel {parcel} already belongs to order {current}, not {order}.</source>
        <translation>包裹 {parcel} 已关联到订单 {current}，而不是 {order}。</translation>
    </message>
    <message>
        <source>Missing lines cannot be linked: close {subject} with a reason.</source>
        <translation>缺失明细无法关联：请填写原因后关闭 {subject}。</translation>
    </message>
    <message>
        <source>There is no unit {lpn}.</source>
        <translation>没有 LPN 为 {lpn} 的商品。</translation>
    </message>
    <message>
        <source>Unit {lpn} is {state}: only a graded, routed unit is put away.</source>
        <translation>商品 {lpn} 状态为 {state}：只有已定级并已分配去向的商品才能上架。</translation>
    </message>
    <message>
        <source>Wrong location {scanned}: unit {lpn} goes to {location}.</source>
        <translation>库位 {scanned} 不对：商品 {lpn} 应送往 {location}。</translation>
    </message>
    <message>
        <source>The ageing targets are not JSON: {detail}</source>
        <translation>滞留时限不是有效的 JSON：{detail}</translation>
    </message>
    <message>
        <source>The ageing targets must be a JSON object of hours per state (received, graded).</source>
        <translation>滞留时限必须是一个 JSON 对象，按状态（received、graded）给出小时数。</translation>
    </message>
    <message>
        <source>{key} is not a waiting state: use received or graded.</source>
        <translation>{key} 不是等待状态：请使用 received 或 graded。</translation>
    </message>
    <message>
        <source>The target for {key} must be a whole number of hours from 1 to {limit}.</source>
        <translation>{key} 的时限必须是 1 到 {limit} 之间的整数小时数。</translation>
    </message>
    <message>
        <source>The dock setting {key} is broken: set the ageing targets again.</source>
        <translation>收货区设置 {key} 已损坏：请重新设置滞留时限。</translation>
    </message>
    <message>
        <source>There is no active user named {name}.</source>
        <translation>没有名为 {name} 的已启用用户。</translation>
    </message>
    <message>
        <source>queue approvals needs --user NAME (a supervisor).</source>
        <translation>queue approvals 需要 --user NAME（一位主管）。</translation>
    </message>
    <message>
        <source>Cannot read {file}: {reason}.</source>
        <translation>无法读取 {file}：{reason}。</translation>
    </message>
    <message>
        <source>{file} is not an image or is damaged: use a PNG, JPEG, WebP, BMP or TIFF file.</source>
        <translation>{file} 不是图像或已损坏：请使用 PNG、JPEG、WebP、BMP 或 TIFF 文件。</translation>
    </message>
    <message>
        <source>{file} is larger than the {limit_mb} MB that can be decoded: scale it down.</source>
        <translation>{file} 超过可解码的 {limit_mb} MB：请缩小后再试。</translation>
    </message>
    <message>
        <source>{file} has more pixels than the {limit} megapixels that can be decoded: scale it down.</source>
        <translation>{file} 的像素超过可解码的 {limit} 百万像素：请缩小后再试。</translation>
    </message>
    <message>
        <source>Customers&apos; personal data is exported only for a supervisor: log in as one (on the command line: --user NAME), or export without it.</source>
        <translation>顾客个人信息只能为主管导出：请以主管身份登录（命令行中使用 --user NAME），或不含个人信息导出。</translation>
    </message>
    <message>
        <source>--user is only for --personal: add --personal, or leave --user out.</source>
        <translation>--user 只能与 --personal 一起使用：请加上 --personal，或去掉 --user。</translation>
    </message>
    <message>
        <source>The mapping file {file} is wrong at {key}: {detail}</source>
        <translation>列映射文件 {file} 在 {key} 处有误：{detail}</translation>
    </message>
    <message>
        <source>The mapping file {file} cannot be read: {detail}</source>
        <translation>无法读取列映射文件 {file}：{detail}</translation>
    </message>
    <message>
        <source>The mapping {name} has no layout for {entity}: use --mapping FILE</source>
        <translation>列映射 {name} 没有{entity}的列格式：请使用 --mapping FILE</translation>
    </message>
</context>
<context>
    <name>ExceptionsModel</name>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Parcel</source>
        <translation>包裹</translation>
    </message>
    <message>
        <source>LPN</source>
        <translation>LPN</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>By</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>已等待</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>详情</translation>
    </message>
</context>
<context>
    <name>ExceptionsTab</name>
    <message>
        <source>Exceptions ({count})</source>
        <translation>异常（{count}）</translation>
    </message>
    <message>
        <source>RMA or order number</source>
        <translation>退货单号或订单号</translation>
    </message>
    <message>
        <source>Link to &amp;RMA</source>
        <translation>关联到退货单(&amp;R)</translation>
    </message>
    <message>
        <source>Link to &amp;order</source>
        <translation>关联到订单(&amp;O)</translation>
    </message>
    <message>
        <source>Reason (required to close; kept as the note of a link)</source>
        <translation>原因（关闭时必填；关联时作为备注保存）</translation>
    </message>
    <message>
        <source>&amp;Close with reason</source>
        <translation>填写原因并关闭(&amp;C)</translation>
    </message>
    <message>
        <source>Linked to RMA {number}: {what}, {parcel}.</source>
        <translation>已关联到退货单 {number}：{what}，{parcel}。</translation>
    </message>
    <message>
        <source>Linked to order {number}: {what}, {parcel}.</source>
        <translation>已关联到订单 {number}：{what}，{parcel}。</translation>
    </message>
    <message>
        <source>Closed: {what}, {parcel}.</source>
        <translation>已关闭：{what}，{parcel}。</translation>
    </message>
</context>
<context>
    <name>ExportBox</name>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Units received</source>
        <translation>已收商品</translation>
    </message>
    <message>
        <source>Routing decisions</source>
        <translation>分流决定</translation>
    </message>
    <message>
        <source>Customer outcomes</source>
        <translation>顾客处理方案</translation>
    </message>
    <message>
        <source>CSV</source>
        <translation>CSV</translation>
    </message>
    <message>
        <source>Excel (XLSX)</source>
        <translation>Excel (XLSX)</translation>
    </message>
    <message>
        <source>&amp;Data</source>
        <translation>数据(&amp;D)</translation>
    </message>
    <message>
        <source>f&amp;rom</source>
        <translation>从(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;to</source>
        <translation>到(&amp;T)</translation>
    </message>
    <message>
        <source>F&amp;ormat</source>
        <translation>格式(&amp;O)</translation>
    </message>
    <message>
        <source>Include customer names (personal data)</source>
        <translation>包含顾客姓名（个人信息）</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
    <message>
        <source>Open file</source>
        <translation>打开文件</translation>
    </message>
    <message>
        <source>Writing {file}…</source>
        <translation>正在写入 {file}…</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) written to {file}.</source>
        <translation>
            <numerusform>已将 %n 行写入 {file}。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>GradeOverridesModel</name>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>LPN</source>
        <translation>LPN</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Overridden by</source>
        <translation>改判人</translation>
    </message>
    <message>
        <source>Inspected by</source>
        <translation>检验人</translation>
    </message>
</context>
<context>
    <name>GradePanel</name>
    <message>
        <source>{route} {amount}</source>
        <translation>{route} {amount}</translation>
    </message>
    <message>
        <source>Expected recovery: {routes}</source>
        <translation>预计回收：{routes}</translation>
    </message>
    <message>
        <source>Grade of {lpn}</source>
        <translation>{lpn} 的等级</translation>
    </message>
    <message>
        <source>{route}  →  {location}</source>
        <translation>{route}  →  {location}</translation>
    </message>
    <message>
        <source>Overridden from {computed}: {reason}</source>
        <translation>已从 {computed} 改判：{reason}</translation>
    </message>
    <message>
        <source>Route chosen by a supervisor: {reason}</source>
        <translation>去向由主管指定：{reason}</translation>
    </message>
    <message>
        <source>• Step {position}: {question} ({severity})</source>
        <translation>• 第 {position} 步：{question}（{severity}）</translation>
    </message>
    <message>
        <source>Failing steps:</source>
        <translation>未通过的步骤：</translation>
    </message>
    <message>
        <source>No failing steps: every check passed.</source>
        <translation>没有未通过的步骤：所有检查均通过。</translation>
    </message>
    <message>
        <source>Scan the next unit&apos;s LPN · F7: override the grade · F8: inspect again</source>
        <translation>扫描下一件商品的 LPN · F7：改判等级 · F8：重新检验</translation>
    </message>
</context>
<context>
    <name>Import</name>
    <message>
        <source>not a CSV or XLSX file ({detail}): export the data again as CSV or XLSX</source>
        <translation>不是 CSV 或 XLSX 文件（{detail}）：请重新将数据导出为 CSV 或 XLSX</translation>
    </message>
    <message>
        <source>the text is neither UTF-8 nor GB18030/GBK: save the file as UTF-8 CSV</source>
        <translation>文本既不是 UTF-8 也不是 GB18030/GBK 编码：请将文件另存为 UTF-8 CSV</translation>
    </message>
    <message>
        <source>the file has no header line</source>
        <translation>文件没有表头行</translation>
    </message>
    <message>
        <source>the required column {column} is missing (expected for {field})</source>
        <translation>缺少必需的列 {column}（{field} 需要此列）</translation>
    </message>
    <message>
        <source>a field longer than {limit} characters (is the file truncated or a quote missing?)</source>
        <translation>有字段超过 {limit} 个字符（文件是否被截断，或缺少引号？）</translation>
    </message>
    <message>
        <source>the row cannot be read ({detail})</source>
        <translation>无法读取该行（{detail}）</translation>
    </message>
    <message>
        <source>the row holds control characters: is this a text file?</source>
        <translation>该行含有控制字符：这是文本文件吗？</translation>
    </message>
    <message>
        <source>the row has {count} cells but the header has {expected}</source>
        <translation>该行有 {count} 个单元格，但表头有 {expected} 个</translation>
    </message>
    <message>
        <source>a value is required</source>
        <translation>必须填写值</translation>
    </message>
    <message>
        <source>at most {limit} characters expected</source>
        <translation>最多 {limit} 个字符</translation>
    </message>
    <message>
        <source>a whole number is expected</source>
        <translation>应为整数</translation>
    </message>
    <message>
        <source>a number of 0 or more is expected</source>
        <translation>应为大于等于 0 的数字</translation>
    </message>
    <message>
        <source>a number of 1 or more is expected</source>
        <translation>应为大于等于 1 的数字</translation>
    </message>
    <message>
        <source>an amount such as 12.50 is expected</source>
        <translation>应为金额，例如 12.50</translation>
    </message>
    <message>
        <source>a date as {format} is expected</source>
        <translation>应为 {format} 格式的日期</translation>
    </message>
    <message>
        <source>yes or no (1/0, true/false, 是/否) is expected</source>
        <translation>应为是或否（1/0、true/false、是/否）</translation>
    </message>
    <message>
        <source>a GTIN of 8, 12, 13 or 14 digits with a correct check digit is expected</source>
        <translation>应为 8、12、13 或 14 位且校验位正确的 GTIN</translation>
    </message>
    <message>
        <source>one of {choices} is expected</source>
        <translation>应为 {choices} 之一</translation>
    </message>
    <message>
        <source>a duplicate of row {first}</source>
        <translation>与第 {first} 行重复</translation>
    </message>
    <message>
        <source>order {order} line {line} is already on row {first} (duplicate order line)</source>
        <translation>订单 {order} 的明细行 {line} 已在第 {first} 行出现（订单明细重复）</translation>
    </message>
    <message>
        <source>order {key} already began on row {first}: keep an order&apos;s rows together</source>
        <translation>订单 {key} 已从第 {first} 行开始：同一订单的各行须连在一起</translation>
    </message>
    <message>
        <source>RMA {key} already began on row {first}: keep an RMA&apos;s rows together</source>
        <translation>退货单 {key} 已从第 {first} 行开始：同一退货单的各行须连在一起</translation>
    </message>
    <message>
        <source>differs from row {first} of the same order ({expected})</source>
        <translation>与同一订单的第 {first} 行不一致（{expected}）</translation>
    </message>
    <message>
        <source>unknown SKU: import the products first</source>
        <translation>未知 SKU：请先导入商品</translation>
    </message>
    <message>
        <source>unknown vendor code: import the vendors first</source>
        <translation>未知供应商代码：请先导入供应商</translation>
    </message>
    <message>
        <source>unknown order: import the orders first</source>
        <translation>未知订单：请先导入订单</translation>
    </message>
    <message>
        <source>the order has no such line</source>
        <translation>该订单没有这一明细行</translation>
    </message>
    <message>
        <source>the GTIN already belongs to product {sku}</source>
        <translation>该 GTIN 已属于商品 {sku}</translation>
    </message>
    <message>
        <source>more than the {ordered} ordered</source>
        <translation>超过订购数量 {ordered}</translation>
    </message>
    <message>
        <source>the order line&apos;s number or SKU is expected</source>
        <translation>应为订单明细的行号或 SKU</translation>
    </message>
    <message>
        <source>the order has this SKU on several lines: give the line number</source>
        <translation>该订单有多行明细是此 SKU：请给出行号</translation>
    </message>
</context>
<context>
    <name>ImportBox</name>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Vendors</source>
        <translation>供应商</translation>
    </message>
    <message>
        <source>Products</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>RMAs</source>
        <translation>退货单</translation>
    </message>
    <message>
        <source>Generic (our column names)</source>
        <translation>通用（本系统的列名）</translation>
    </message>
    <message>
        <source>Taobao export</source>
        <translation>淘宝导出</translation>
    </message>
    <message>
        <source>JD export</source>
        <translation>京东导出</translation>
    </message>
    <message>
        <source>Mapping file…</source>
        <translation>列映射文件…</translation>
    </message>
    <message>
        <source>Import in this order: vendors, products, orders, then RMAs.</source>
        <translation>请按此顺序导入：供应商、商品、订单，最后是退货单。</translation>
    </message>
    <message>
        <source>&amp;What</source>
        <translation>内容(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Layout</source>
        <translation>格式(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Channel</source>
        <translation>渠道(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>from the file or the layout</source>
        <translation>取自文件或格式</translation>
    </message>
    <message>
        <source>no file chosen</source>
        <translation>未选择文件</translation>
    </message>
    <message>
        <source>C&amp;hoose…</source>
        <translation>选择(&amp;H)…</translation>
    </message>
    <message>
        <source>Import the valid rows only (the rejected ones go to a file for fixing)</source>
        <translation>仅导入有效行（被拒绝的行写入文件，以便修正）</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>导入(&amp;I)</translation>
    </message>
    <message>
        <source>Cancel import</source>
        <translation>取消导入</translation>
    </message>
    <message>
        <source>Open rejected rows</source>
        <translation>打开被拒绝的行</translation>
    </message>
    <message numerus="yes">
        <source>Nothing was written: %n problem(s) in the file. Fix them and import again, or import the valid rows only.</source>
        <translation>
            <numerusform>未写入任何数据：文件中有 %n 个问题。请修正后重新导入，或仅导入有效行。</numerusform>
        </translation>
    </message>
    <message>
        <source>Import cancelled: nothing was written.</source>
        <translation>导入已取消：未写入任何数据。</translation>
    </message>
    <message>
        <source>{rows} rows: {inserted} inserted, {updated} updated, {unchanged} unchanged, {rejected} rejected, in {seconds} s ({rate} rows/s).</source>
        <translation>共 {rows} 行：新增 {inserted} 行，更新 {updated} 行，未变 {unchanged} 行，拒绝 {rejected} 行，用时 {seconds} 秒（{rate} 行/秒）。</translation>
    </message>
    <message>
        <source>Also created: {counts}.</source>
        <translation>同时创建了：{counts}。</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more problem(s), not shown.</source>
        <translation>
            <numerusform>… 另有 %n 个问题未显示。</numerusform>
        </translation>
    </message>
    <message>
        <source>The rejected rows were written to {file}.</source>
        <translation>被拒绝的行已写入 {file}。</translation>
    </message>
    <message>
        <source>Choose the file to import first.</source>
        <translation>请先选择要导入的文件。</translation>
    </message>
    <message>
        <source>Checking {file}…</source>
        <translation>正在检查 {file}…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <source>Checking</source>
        <translation>检查中</translation>
    </message>
    <message>
        <source>Writing</source>
        <translation>写入中</translation>
    </message>
    <message>
        <source>{phase}: %p% ({rows} rows)</source>
        <translation>{phase}：%p%（{rows} 行）</translation>
    </message>
</context>
<context>
    <name>ImportProblemsModel</name>
    <message>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>file</source>
        <translation>文件</translation>
    </message>
</context>
<context>
    <name>InspectionPage</name>
    <message>
        <source>Ready to scan.</source>
        <translation>可以扫描了。</translation>
    </message>
    <message>
        <source>Inspection · station {code} · {name}</source>
        <translation>质检 · 工位 {code} · {name}</translation>
    </message>
    <message>
        <source>Scan here (or type the code and press Enter)</source>
        <translation>在此扫描（或输入号码后按回车）</translation>
    </message>
    <message>
        <source>Scan the LPN label on a unit to open its checklist.</source>
        <translation>扫描商品上的 LPN 标签，打开它的检验清单。</translation>
    </message>
    <message>
        <source>Scan your badge (or press F2 to log in with name and PIN).</source>
        <translation>扫描工牌（或按 F2 用用户名和 PIN 码登录）。</translation>
    </message>
    <message>
        <source>Log in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Photo</source>
        <translation>拍照</translation>
    </message>
    <message>
        <source>Regrade</source>
        <translation>改判等级</translation>
    </message>
    <message>
        <source>Re-inspect</source>
        <translation>重新检验</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>检验报告</translation>
    </message>
    <message>
        <source>Re-route</source>
        <translation>更改去向</translation>
    </message>
    <message>
        <source>Approvals</source>
        <translation>审批</translation>
    </message>
    <message>
        <source>Rules</source>
        <translation>分流规则</translation>
    </message>
    <message>
        <source>Checklists</source>
        <translation>检验清单</translation>
    </message>
    <message>
        <source>Log out</source>
        <translation>退出登录</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>摄像头</translation>
    </message>
    <message>
        <source>Scan a unit&apos;s LPN.</source>
        <translation>扫描商品的 LPN。</translation>
    </message>
    <message>
        <source>Scan your badge.</source>
        <translation>扫描工牌。</translation>
    </message>
    <message>
        <source>Graded. Scan the next unit&apos;s LPN.</source>
        <translation>已定级。扫描下一件商品的 LPN。</translation>
    </message>
    <message>
        <source>Check {lpn}: answer step {position} of {total}.</source>
        <translation>检验 {lpn}：回答第 {position} 步，共 {total} 步。</translation>
    </message>
    <message>
        <source>Every step is answered. Press Enter to grade the unit.</source>
        <translation>所有步骤都已回答。按回车给商品定级。</translation>
    </message>
    <message>
        <source>Press Enter to grade the unit.</source>
        <translation>按回车给商品定级。</translation>
    </message>
    <message>
        <source>Next: {prompt}</source>
        <translation>下一步：{prompt}</translation>
    </message>
    <message>
        <source>Leave this unit?</source>
        <translation>离开这件商品？</translation>
    </message>
    <message>
        <source>Yes, open the new unit</source>
        <translation>是，打开新商品</translation>
    </message>
    <message>
        <source>No, go on with this one</source>
        <translation>否，继续检验这一件</translation>
    </message>
    <message>
        <source>Choose the picture</source>
        <translation>选择图片</translation>
    </message>
    <message>
        <source>Pictures</source>
        <translation>图片</translation>
    </message>
    <message>
        <source>Grade a unit first: F11 changes its route.</source>
        <translation>请先完成商品评级：F11 可更改其去向。</translation>
    </message>
    <message>
        <source>Grade a unit first: F9 saves its report.</source>
        <translation>请先完成一件商品的评级：F9 保存它的报告。</translation>
    </message>
    <message>
        <source>Save the inspection report</source>
        <translation>保存检验报告</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
</context>
<context>
    <name>Label</name>
    <message>
        <source>Grade</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>Destination</source>
        <translation>去向库位</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>RMA</source>
        <translation>退货单</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Inspector</source>
        <translation>质检员</translation>
    </message>
    <message>
        <source>Tracking no.</source>
        <translation>快递单号</translation>
    </message>
    <message>
        <source>Carrier</source>
        <translation>承运商</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>收货时间</translation>
    </message>
    <message>
        <source>Station</source>
        <translation>工位</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>件数</translation>
    </message>
    <message>
        <source>Condition</source>
        <translation>包裹状况</translation>
    </message>
    <message>
        <source>EXCEPTION</source>
        <translation>异常</translation>
    </message>
    <message>
        <source>Ship from</source>
        <translation>发货方</translation>
    </message>
    <message>
        <source>Ship to</source>
        <translation>收货方</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>批次</translation>
    </message>
    <message>
        <source>Vendor RMA</source>
        <translation>供应商 RMA</translation>
    </message>
    <message>
        <source>Carton</source>
        <translation>箱号</translation>
    </message>
    <message>
        <source>SSCC</source>
        <translation>SSCC</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Log in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>用户名(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;PIN:</source>
        <translation>PIN 码(&amp;P)：</translation>
    </message>
    <message>
        <source>Enter moves to the PIN, then logs in. Esc cancels.</source>
        <translation>回车跳到 PIN 码，再按回车登录。Esc 取消。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Supervisor&apos;s desk — {station}</source>
        <translation>主管工作台 — {station}</translation>
    </message>
    <message>
        <source>Returns Inspection — {station}</source>
        <translation>退货质检 — {station}</translation>
    </message>
    <message>
        <source>Returns Receiving — {station}</source>
        <translation>退货收货 — {station}</translation>
    </message>
    <message>
        <source>Broken site checklist files were not loaded; the earlier checklists stay in use. Tell a supervisor.</source>
        <translation>本站点有损坏的检验清单文件未被加载；之前的检验清单继续使用。请告知主管。</translation>
    </message>
    <message>
        <source>{file}: {problem}</source>
        <translation>{file}：{problem}</translation>
    </message>
</context>
<context>
    <name>NewCategoryDialog</name>
    <message>
        <source>New category</source>
        <translation>新建类别</translation>
    </message>
    <message>
        <source>e.g. toys</source>
        <translation>例如 toys</translation>
    </message>
    <message>
        <source>Category code</source>
        <translation>类别代码</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Start from a copy of</source>
        <translation>复制自</translation>
    </message>
    <message>
        <source>Use the category code exactly as the product data has it: units of those products get this checklist.</source>
        <translation>类别代码须与商品数据中的完全一致：这些商品的每一件都将使用此检验清单。</translation>
    </message>
</context>
<context>
    <name>NoteDialog</name>
    <message>
        <source>Parcel note</source>
        <translation>包裹备注</translation>
    </message>
    <message>
        <source>What is in the parcel, what is wrong with it?</source>
        <translation>包裹里有什么？有什么问题？</translation>
    </message>
    <message>
        <source>Ctrl+Enter saves. Esc cancels.</source>
        <translation>Ctrl+回车 保存。Esc 取消。</translation>
    </message>
    <message>
        <source>Save note</source>
        <translation>保存备注</translation>
    </message>
</context>
<context>
    <name>OptionsTable</name>
    <message>
        <source>Key</source>
        <extracomment>The language a checklist is translated into besides English (the app&apos;s two languages).</extracomment>
        <translation>键</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>答案</translation>
    </message>
    <message>
        <source>Answer (中文)</source>
        <translation>答案（中文）</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <source>Add answer</source>
        <translation>添加答案</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>上移</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>下移</translation>
    </message>
</context>
<context>
    <name>Outcome</name>
    <message>
        <source>Hello {user} ({role}) at {station}. Scan a parcel.</source>
        <translation>你好，{user}（{role}），工位 {station}。请扫描包裹。</translation>
    </message>
    <message>
        <source>Logged out. Scan your badge.</source>
        <translation>已退出登录。请扫描工牌。</translation>
    </message>
    <message>
        <source>Scan your badge first (or log in with name and PIN).</source>
        <translation>请先扫描工牌（或用用户名和 PIN 码登录）。</translation>
    </message>
    <message>
        <source>Unknown badge, name or PIN. Try again or ask a supervisor.</source>
        <translation>工牌、用户名或 PIN 码无效。请重试或询问主管。</translation>
    </message>
    <message>
        <source>Not saved: the database is busy or out of reach. Scan again in a moment.</source>
        <translation>未保存：数据库繁忙或无法连接。请稍后重新扫描。</translation>
    </message>
    <message>
        <source>Parcel received for {rma} ({lines} lines expected). Scan the units.</source>
        <translation>已收到 {rma} 的包裹（应退 {lines} 行）。请扫描商品。</translation>
    </message>
    <message>
        <source>No RMA expects parcel {tracking}: it is an exception. Scan the order or RMA number on the packing slip, or the units, and add a note (F9).</source>
        <translation>没有退货单在等包裹 {tracking}：这是异常包裹。请扫描装箱单上的订单号或退货单号，或扫描商品，并添加备注（F9）。</translation>
    </message>
    <message>
        <source>This parcel is already open here (received at {time} by {user} at {station}).</source>
        <translation>此包裹已在本工位打开（{time} 由 {user} 在 {station} 收货）。</translation>
    </message>
    <message>
        <source>Already received at {time} by {user} at {station}. Nothing was added.</source>
        <translation>已于 {time} 由 {user} 在 {station} 收货。未重复添加。</translation>
    </message>
    <message>
        <source>Parcel {tracking} received; the number fits several couriers: pick the one on the label.</source>
        <translation>已收到包裹 {tracking}；该单号符合多家快递的格式：请选择面单上的快递公司。</translation>
    </message>
    <message>
        <source>Order {order} has {count} open RMAs: scan the RMA number on the slip or pick one.</source>
        <translation>订单 {order} 有 {count} 个未完成的退货单：请扫描装箱单上的退货单号，或选择一个。</translation>
    </message>
    <message>
        <source>Parcel linked to {rma}. Scan the units.</source>
        <translation>包裹已关联到 {rma}。请扫描商品。</translation>
    </message>
    <message>
        <source>Parcel linked to order {order}, which has no open RMA: it stays an exception.</source>
        <translation>包裹已关联到订单 {order}，但该订单没有未完成的退货单：仍为异常包裹。</translation>
    </message>
    <message>
        <source>No RMA {rma} exists. Check the slip and scan again.</source>
        <translation>退货单 {rma} 不存在。请核对单据后重新扫描。</translation>
    </message>
    <message>
        <source>No order {order} exists. Check the slip and scan again.</source>
        <translation>订单 {order} 不存在。请核对单据后重新扫描。</translation>
    </message>
    <message>
        <source>Courier set to {carrier}.</source>
        <translation>快递公司已设为 {carrier}。</translation>
    </message>
    <message>
        <source>Parcel condition: {condition}.</source>
        <translation>包裹状况：{condition}。</translation>
    </message>
    <message>
        <source>No courier has the code {carrier}: pick one from the list.</source>
        <translation>没有代码为 {carrier} 的快递公司：请从列表中选择。</translation>
    </message>
    <message>
        <source>Unknown condition {condition}: use one of {allowed}.</source>
        <translation>未知状况 {condition}：请使用 {allowed} 之一。</translation>
    </message>
    <message>
        <source>The note has {length} characters; at most {limit} fit. Shorten it and save again.</source>
        <translation>备注有 {length} 个字符，最多只能 {limit} 个。请删减后再保存。</translation>
    </message>
    <message>
        <source>Note saved.</source>
        <translation>备注已保存。</translation>
    </message>
    <message>
        <source>Photo of the parcel attached.</source>
        <translation>已附加包裹照片。</translation>
    </message>
    <message>
        <source>This photo is already attached to the parcel. Nothing was added.</source>
        <translation>该照片已附加到此包裹，未重复添加。</translation>
    </message>
    <message>
        <source>This parcel is an exception: add a note (F9) saying what it holds, then close it.</source>
        <translation>这是异常包裹：请先添加备注（F9）写明内容，再关闭。</translation>
    </message>
    <message>
        <source>No parcel is open. Scan a parcel first.</source>
        <translation>没有打开的包裹。请先扫描包裹。</translation>
    </message>
    <message>
        <source>Parcel closed: everything expected arrived.</source>
        <translation>包裹已关闭：应退商品全部收到。</translation>
    </message>
    <message>
        <source>Parcel closed. Missing: {missing}.</source>
        <translation>包裹已关闭。缺少：{missing}。</translation>
    </message>
    <message>
        <source>No unit has LPN {lpn}.</source>
        <translation>没有 LPN 为 {lpn} 的商品。</translation>
    </message>
    <message>
        <source>{lpn}: {sku}, {state}; received at {time} by {user} at {station}.</source>
        <translation>{lpn}：{sku}，{state}；{time} 由 {user} 在 {station} 收货。</translation>
    </message>
    <message>
        <source>{lpn}: its label is printing again. {sku}, {state}; received at {time} by {user} at {station}.</source>
        <translation>{lpn}：正在重新打印标签。{sku}，{state}；{time} 由 {user} 在 {station} 收货。</translation>
    </message>
    <message>
        <source>{lpn}: its label is already on its way to the printer; nothing was added. {sku}, {state}; received at {time} by {user} at {station}.</source>
        <translation>{lpn}：标签已在发往打印机的队列中；未重复添加。{sku}，{state}；{time} 由 {user} 在 {station} 收货。</translation>
    </message>
    <message>
        <source>{sku} {name}: now scan its serial number.</source>
        <translation>{sku} {name}：请扫描它的序列号。</translation>
    </message>
    <message>
        <source>That is not a serial number. Scan the serial of {sku}.</source>
        <translation>这不是序列号。请扫描 {sku} 的序列号。</translation>
    </message>
    <message>
        <source>No product has barcode {code}. Scan the SKU label instead, or set the unit aside for a supervisor.</source>
        <translation>没有条码为 {code} 的商品。请改扫 SKU 标签，或把商品放到一边交给主管。</translation>
    </message>
    <message>
        <source>Already received as {lpn} at {time} by {user} at {station}. Nothing was added.</source>
        <translation>已于 {time} 由 {user} 在 {station} 收货，LPN 为 {lpn}。未重复添加。</translation>
    </message>
    <message>
        <source>Not a parcel label: {text}. Scan the courier label, the RMA or the order number.</source>
        <translation>不是包裹面单：{text}。请扫描快递面单、退货单号或订单号。</translation>
    </message>
    <message>
        <source>Not recognised: {text}. Scan the product barcode, SKU or serial number.</source>
        <translation>无法识别：{text}。请扫描商品条码、SKU 或序列号。</translation>
    </message>
    <message>
        <source>{lpn}: {sku} matches the RMA. Stick the label on.</source>
        <translation>{lpn}：{sku} 与退货单相符。请贴上标签。</translation>
    </message>
    <message>
        <source>{lpn}: {sku} is more than the RMA authorised (extra).</source>
        <translation>{lpn}：{sku} 超出退货单批准的数量（多出）。</translation>
    </message>
    <message>
        <source>{lpn}: serial {serial} was not sold on this order: possible swap. Set it aside.</source>
        <translation>{lpn}：序列号 {serial} 不是此订单售出的：可能被调包。请放到一边。</translation>
    </message>
    <message>
        <source>{lpn}: {sku} is on the order but not on this RMA (wrong item).</source>
        <translation>{lpn}：{sku} 在订单中，但不在此退货单上（错货）。</translation>
    </message>
    <message>
        <source>{lpn}: {sku} was never sold on this order (wrong item).</source>
        <translation>{lpn}：{sku} 从未在此订单中售出（错货）。</translation>
    </message>
    <message>
        <source>{lpn}: {sku} received into an exception parcel.</source>
        <translation>{lpn}：{sku} 已收入异常包裹。</translation>
    </message>
    <message>
        <source>Hello {user} ({role}) at {station}. Scan a unit&apos;s LPN.</source>
        <translation>{user}（{role}）您好，当前工位 {station}。请扫描商品的 LPN。</translation>
    </message>
    <message>
        <source>Not an LPN: {text}. Scan the LPN label on the unit.</source>
        <translation>不是 LPN：{text}。请扫描商品上的 LPN 标签。</translation>
    </message>
    <message>
        <source>Scan a unit&apos;s LPN first.</source>
        <translation>请先扫描商品的 LPN。</translation>
    </message>
    <message>
        <source>{lpn}: {sku} {name}. Checklist {checklist} v{version}: answer step 1.</source>
        <translation>{lpn}：{sku} {name}。检查表 {checklist} 第 {version} 版：请回答第 1 步。</translation>
    </message>
    <message>
        <source>{lpn}: resuming the inspection started at {time} by {user} ({answered} answered).</source>
        <translation>{lpn}：继续 {user} 于 {time} 开始的检验（已回答 {answered} 步）。</translation>
    </message>
    <message>
        <source>{lpn} is still in receiving: close the parcel first, then scan the LPN again.</source>
        <translation>{lpn} 仍在收货中：请先关闭包裹，再扫描 LPN。</translation>
    </message>
    <message>
        <source>{lpn} is {state}: it cannot be inspected now. Ask a supervisor.</source>
        <translation>{lpn} 状态为 {state}：现在不能检验。请询问主管。</translation>
    </message>
    <message>
        <source>{lpn} was already graded {grade} at {time} by {user}. Press F8 to inspect it again.</source>
        <translation>{lpn} 已于 {time} 由 {user} 评为 {grade} 级。按 F8 重新检验。</translation>
    </message>
    <message>
        <source>No checklist is loaded for {category} (nor general): ask a supervisor.</source>
        <translation>没有为 {category}（也没有通用类）加载检查表：请询问主管。</translation>
    </message>
    <message>
        <source>{current} is half done. Confirm to leave it for later and open {lpn}, or go on.</source>
        <translation>{current} 尚未检验完。确认后将其留待稍后继续并打开 {lpn}，或继续当前检验。</translation>
    </message>
    <message>
        <source>Step {position} ({step}) saved.</source>
        <translation>第 {position} 步（{step}）已保存。</translation>
    </message>
    <message>
        <source>Step {position} ({step}) already had this answer.</source>
        <translation>第 {position} 步（{step}）已是此答案。</translation>
    </message>
    <message>
        <source>Every step is answered: complete the inspection.</source>
        <translation>所有步骤均已回答：请完成检验。</translation>
    </message>
    <message>
        <source>This checklist has no step {step}.</source>
        <translation>此检查表没有步骤 {step}。</translation>
    </message>
    <message>
        <source>Step {position} ({step}) takes a photo: attach the picture file.</source>
        <translation>第 {position} 步（{step}）需要照片：请附加图片文件。</translation>
    </message>
    <message>
        <source>Step {position} of {total}.</source>
        <translation>第 {position} 步，共 {total} 步。</translation>
    </message>
    <message>
        <source>The inspection of {lpn} is already completed: nothing was changed.</source>
        <translation>{lpn} 的检验已完成：未做任何更改。</translation>
    </message>
    <message>
        <source>{lpn}: grade {grade}, {route} to {location}. Failing steps: {failures}.</source>
        <translation>{lpn}：等级 {grade}，{route}，送往 {location}。未通过的步骤：{failures}。</translation>
    </message>
    <message>
        <source>{lpn}: grade changed from {before} to {grade}, now {route} to {location}.</source>
        <translation>{lpn}：等级已从 {before} 改为 {grade}，现为{route}，送往 {location}。</translation>
    </message>
    <message>
        <source>{lpn}: now {route} to {location}, by {user}.</source>
        <translation>{lpn}：现改为{route}，送往 {location}（{user}）。</translation>
    </message>
    <message>
        <source>{lpn} already goes {route} to {location}: nothing was changed.</source>
        <translation>{lpn} 已是{route}，送往 {location}：未做任何更改。</translation>
    </message>
    <message>
        <source>Unknown route {route}: use restock, refurbish, vendor_return or scrap.</source>
        <translation>未知去向 {route}：请使用 restock、refurbish、vendor_return 或 scrap。</translation>
    </message>
    <message>
        <source>Say why the route is changed (1 to {limit} characters).</source>
        <translation>请说明更改去向的原因（1 到 {limit} 个字符）。</translation>
    </message>
    <message>
        <source>The location may have at most {limit} characters.</source>
        <translation>库位最多 {limit} 个字符。</translation>
    </message>
    <message>
        <source>{lpn} has no route yet: grade it first.</source>
        <translation>{lpn} 还没有去向：请先评级。</translation>
    </message>
    <message>
        <source>{lpn} was already completed with grade {grade} at {time} by {user}.</source>
        <translation>{lpn} 已于 {time} 由 {user} 完成检验，等级 {grade}。</translation>
    </message>
    <message>
        <source>Only a completed inspection&apos;s grade can be overridden: complete it first.</source>
        <translation>只能更改已完成检验的等级：请先完成检验。</translation>
    </message>
    <message>
        <source>{lpn} was inspected again since: override the latest inspection instead.</source>
        <translation>{lpn} 之后已重新检验：请更改最新一次检验的等级。</translation>
    </message>
    <message>
        <source>Unknown grade {grade}: use A, B or C.</source>
        <translation>未知等级 {grade}：请使用 A、B 或 C。</translation>
    </message>
    <message>
        <source>Say why the grade is overridden (1 to {limit} characters).</source>
        <translation>请说明更改等级的原因（1 至 {limit} 个字符）。</translation>
    </message>
    <message>
        <source>{lpn} already has grade {grade}: nothing was changed.</source>
        <translation>{lpn} 已是 {grade} 级：未做任何更改。</translation>
    </message>
    <message>
        <source>Photo attached to step {position} ({step}).</source>
        <translation>照片已附加到第 {position} 步（{step}）。</translation>
    </message>
    <message>
        <source>Step {position} ({step}) does not take a photo.</source>
        <translation>第 {position} 步（{step}）不需要照片。</translation>
    </message>
    <message>
        <source>Inspection report of {lpn} saved as {file}.</source>
        <translation>{lpn} 的检验报告已保存为 {file}。</translation>
    </message>
    <message>
        <source>The photo {file} is over {limit} MB: take a smaller one.</source>
        <translation>照片 {file} 超过 {limit} MB：请使用较小的照片。</translation>
    </message>
    <message>
        <source>The camera picture is over {limit} MB: take a smaller one.</source>
        <translation>摄像头照片超过 {limit} MB：请拍一张较小的照片。</translation>
    </message>
    <message>
        <source>The photo {file} has over {limit} megapixels: take a smaller one.</source>
        <translation>照片 {file} 超过 {limit} 百万像素：请使用较小的照片。</translation>
    </message>
    <message>
        <source>The camera picture has over {limit} megapixels: take a smaller one.</source>
        <translation>摄像头照片超过 {limit} 百万像素：请拍一张较小的照片。</translation>
    </message>
    <message>
        <source>The photo {file} cannot be read: pick the file again.</source>
        <translation>无法读取照片 {file}：请重新选择文件。</translation>
    </message>
    <message>
        <source>{file} is not a JPEG or PNG picture: pick a photo file.</source>
        <translation>{file} 不是 JPEG 或 PNG 图片：请选择照片文件。</translation>
    </message>
    <message>
        <source>The camera picture is not a JPEG or PNG: take it again.</source>
        <translation>摄像头照片不是 JPEG 或 PNG：请重拍。</translation>
    </message>
    <message>
        <source>The photo {file} is damaged or cut short: pick the file again.</source>
        <translation>照片 {file} 已损坏或不完整：请重新选择文件。</translation>
    </message>
    <message>
        <source>The camera picture is damaged or cut short: take it again.</source>
        <translation>摄像头照片已损坏或不完整：请重拍。</translation>
    </message>
    <message>
        <source>The photo cannot be saved in {folder}: check that the folder exists and can be written.</source>
        <translation>照片无法保存到 {folder}：请检查该文件夹是否存在且可写入。</translation>
    </message>
    <message>
        <source>Hello {user} ({role}) at {station}. The desk is open.</source>
        <translation>你好，{user}（{role}），工位 {station}。工作台已打开。</translation>
    </message>
    <message>
        <source>{user} is {role}: the supervisor&apos;s desk opens for supervisors and admins only.</source>
        <translation>{user} 的角色是{role}：主管工作台仅对主管和管理员开放。</translation>
    </message>
    <message>
        <source>{text} is not a badge. Scan a supervisor&apos;s badge (or press F2 for name and PIN).</source>
        <translation>{text} 不是工牌。请扫描主管的工牌（或按 F2 用用户名和 PIN 码登录）。</translation>
    </message>
    <message>
        <source>Photo of {lpn} attached.</source>
        <translation>已附加 {lpn} 的照片。</translation>
    </message>
    <message>
        <source>This photo is already attached to {lpn}. Nothing was added.</source>
        <translation>该照片已附加到 {lpn}，未重复添加。</translation>
    </message>
</context>
<context>
    <name>OverrideGradeDialog</name>
    <message>
        <source>Override grade</source>
        <translation>改判等级</translation>
    </message>
    <message>
        <source>New grade</source>
        <translation>新等级</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Overrides are audited and shown to supervisors.</source>
        <translation>改判会记入审计，并显示给主管。</translation>
    </message>
</context>
<context>
    <name>ParcelPanel</name>
    <message>
        <source>Photos: {count}</source>
        <translation>照片：{count} 张</translation>
    </message>
    <message>
        <source>Photos: none (F4 takes one)</source>
        <translation>照片：无（按 F4 拍照）</translation>
    </message>
    <message>
        <source>No parcel open</source>
        <translation>没有打开的包裹</translation>
    </message>
    <message>
        <source>Expected (RMA lines)</source>
        <translation>应退（退货单明细）</translation>
    </message>
    <message>
        <source>Received units</source>
        <translation>已收商品</translation>
    </message>
    <message>
        <source>Parcel</source>
        <translation>包裹</translation>
    </message>
    <message>
        <source>not chosen ({candidates})</source>
        <translation>未选择（{candidates}）</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>EXCEPTION: no RMA</source>
        <translation>异常：无退货单</translation>
    </message>
    <message>
        <source>Expected (RMA lines): {expected} expected, {received} received, {missing} missing</source>
        <translation>应退（退货单明细）：应退 {expected}，已收 {received}，缺少 {missing}</translation>
    </message>
    <message>
        <source>Expected (RMA lines): none, no RMA linked yet</source>
        <translation>应退（退货单明细）：无，尚未关联退货单</translation>
    </message>
    <message>
        <source>Received units: {count}</source>
        <translation>已收商品：{count}</translation>
    </message>
    <message>
        <source>Tracking:</source>
        <translation>快递单号：</translation>
    </message>
    <message>
        <source>Courier:</source>
        <translation>快递公司：</translation>
    </message>
    <message>
        <source>RMA:</source>
        <translation>退货单：</translation>
    </message>
    <message>
        <source>Order:</source>
        <translation>订单：</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>退货原因：</translation>
    </message>
    <message>
        <source>Customer says:</source>
        <translation>顾客描述：</translation>
    </message>
    <message>
        <source>Condition:</source>
        <translation>包裹状况：</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>备注：</translation>
    </message>
</context>
<context>
    <name>PendingOutcomesModel</name>
    <message>
        <source>LPN</source>
        <translation>LPN</translation>
    </message>
    <message>
        <source>RMA</source>
        <translation>退货单</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>Asked → proposed</source>
        <translation>顾客要求 → 建议方案</translation>
    </message>
    <message>
        <source>Refund</source>
        <translation>退款</translation>
    </message>
    <message>
        <source>Repair estimate</source>
        <translation>维修估价</translation>
    </message>
    <message>
        <source>Why it waits</source>
        <translation>待审批原因</translation>
    </message>
</context>
<context>
    <name>PhotoStrip</name>
    <message>
        <source>missing</source>
        <translation>缺失</translation>
    </message>
    <message>
        <source>{who}, {when}: the file {file} is not in the photo folder.</source>
        <translation>{who}，{when}：照片文件夹中没有文件 {file}。</translation>
    </message>
    <message>
        <source>{who}, {when}</source>
        <translation>{who}，{when}</translation>
    </message>
</context>
<context>
    <name>PieChart</name>
    <message>
        <source>{caption} ({percent}%)</source>
        <translation>{caption}（{percent}%）</translation>
    </message>
    <message>
        <source>{percent}%</source>
        <translation>{percent}%</translation>
    </message>
    <message numerus="yes">
        <source>{caption}: %n unit(s), {percent}%</source>
        <translation>
            <numerusform>{caption}：%n 件，{percent}%</numerusform>
        </translation>
    </message>
    <message>
        <source>No returns in this period</source>
        <translation>此时段内没有退货</translation>
    </message>
</context>
<context>
    <name>PreviewPanel</name>
    <message>
        <source>Preview: the step as the inspector sees it</source>
        <translation>预览：质检员看到的步骤</translation>
    </message>
    <message>
        <source>Clear trial answers</source>
        <translation>清除试答</translation>
    </message>
    <message>
        <source>Trial grade: {grade} · answered {answered} of {total}</source>
        <translation>试定等级：{grade} · 已回答 {answered} 步，共 {total} 步</translation>
    </message>
    <message>
        <source>Failing: {steps}</source>
        <translation>未通过：{steps}</translation>
    </message>
</context>
<context>
    <name>PrintStatusLabel</name>
    <message>
        <source>Printing stopped ({error}): labels wait. Restart the app.</source>
        <translation>打印已停止（{error}）：标签正在等待打印。请重启程序。</translation>
    </message>
    <message>
        <source>Printer: starting…</source>
        <translation>打印机：正在启动…</translation>
    </message>
    <message>
        <source>Printer OK</source>
        <translation>打印机正常</translation>
    </message>
    <message>
        <source>1 label waiting: {error}</source>
        <translation>1 张标签等待打印：{error}</translation>
    </message>
    <message>
        <source>{count} labels waiting: {error}</source>
        <translation>{count} 张标签等待打印：{error}</translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <source>Cannot write the label into {folder} ({detail}): check the folder.</source>
        <translation>无法把标签写入 {folder}（{detail}）：请检查该文件夹。</translation>
    </message>
    <message>
        <source>The lp command is missing ({detail}): install the CUPS client (cups-client).</source>
        <translation>找不到 lp 命令（{detail}）：请安装 CUPS 客户端（cups-client）。</translation>
    </message>
    <message>
        <source>CUPS refused the label for {queue} (lp exit status {status}): {detail}</source>
        <translation>CUPS 拒绝了发往 {queue} 的标签（lp 退出状态 {status}）：{detail}</translation>
    </message>
    <message>
        <source>lp did not answer within {seconds} s: is CUPS running and {queue} set up?</source>
        <translation>lp 在 {seconds} s 内没有响应：CUPS 是否在运行？{queue} 是否已设置？</translation>
    </message>
    <message>
        <source>The printer at {address} refused the connection: is it on and on the network?</source>
        <translation>{address} 的打印机拒绝连接：打印机是否已开机并连上网络？</translation>
    </message>
    <message>
        <source>Cannot reach the printer at {address} ({detail}).</source>
        <translation>无法连接 {address} 的打印机（{detail}）。</translation>
    </message>
    <message>
        <source>The printer at {address} did not take the label within {seconds} s ({sent} of {total} bytes sent): check paper, ribbon and the cable.</source>
        <translation>{address} 的打印机未在 {seconds} s 内接收标签（{total} 字节中已发送 {sent} 字节）：请检查纸张、色带和线缆。</translation>
    </message>
    <message>
        <source>No printer named {printer} is set up in station.toml ([printers.{printer}]).</source>
        <translation>station.toml 中没有设置名为 {printer} 的打印机（[printers.{printer}]）。</translation>
    </message>
    <message>
        <source>The {kind} label {reference} cannot be made for this printer: {detail}</source>
        <translation>无法为此打印机生成 {kind} 标签 {reference}：{detail}</translation>
    </message>
</context>
<context>
    <name>RMALinesModel</name>
    <message>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>应退</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>已收</translation>
    </message>
    <message>
        <source>Missing</source>
        <translation>缺少</translation>
    </message>
    <message>
        <source>Serials sold: {serials}</source>
        <translation>售出序列号：{serials}</translation>
    </message>
</context>
<context>
    <name>ReceivedUnitsModel</name>
    <message>
        <source>LPN</source>
        <translation>LPN</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Serial</source>
        <translation>序列号</translation>
    </message>
    <message>
        <source>Match</source>
        <translation>核对结果</translation>
    </message>
    <message>
        <source>Received at {time}</source>
        <translation>收货时间 {time}</translation>
    </message>
</context>
<context>
    <name>ReceivingPage</name>
    <message>
        <source>Ready to scan.</source>
        <translation>可以扫描了。</translation>
    </message>
    <message>
        <source>Station {code} · {name}</source>
        <translation>工位 {code} · {name}</translation>
    </message>
    <message>
        <source>LPN: stick this label on the unit</source>
        <translation>LPN：把这张标签贴在商品上</translation>
    </message>
    <message>
        <source>Scan here (or type the code and press Enter)</source>
        <translation>在此扫描（或输入号码后按回车）</translation>
    </message>
    <message>
        <source>Log in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Photo</source>
        <translation>拍照</translation>
    </message>
    <message>
        <source>Intact</source>
        <translation>完好</translation>
    </message>
    <message>
        <source>Damaged</source>
        <translation>破损</translation>
    </message>
    <message>
        <source>Wet</source>
        <translation>受潮</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>已拆封</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Close parcel</source>
        <translation>关闭包裹</translation>
    </message>
    <message>
        <source>Log out</source>
        <translation>退出登录</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>摄像头</translation>
    </message>
    <message>
        <source>Scan your badge (or press F2 to log in with name and PIN).</source>
        <translation>扫描工牌（或按 F2 用用户名和 PIN 码登录）。</translation>
    </message>
    <message>
        <source>Scan the courier label, the RMA or the order number.</source>
        <translation>扫描快递面单、退货单号或订单号。</translation>
    </message>
    <message>
        <source>Scan each unit: product barcode, SKU or serial number. F10 closes the parcel.</source>
        <translation>逐件扫描商品：商品条码、SKU 或序列号。F10 关闭包裹。</translation>
    </message>
    <message>
        <source>Scan the serial number of this unit.</source>
        <translation>扫描这件商品的序列号。</translation>
    </message>
    <message>
        <source>Scan the RMA number on the packing slip.</source>
        <translation>扫描装箱单上的退货单号。</translation>
    </message>
    <message>
        <source>Next: {prompt}</source>
        <translation>下一步：{prompt}</translation>
    </message>
    <message>
        <source>Which RMA?</source>
        <translation>哪个退货单？</translation>
    </message>
    <message>
        <source>Which courier?</source>
        <translation>哪家快递？</translation>
    </message>
    <message>
        <source>Photo of the parcel</source>
        <translation>包裹照片</translation>
    </message>
    <message>
        <source>Pictures (JPEG or PNG)</source>
        <translation>图片（JPEG 或 PNG）</translation>
    </message>
</context>
<context>
    <name>Report</name>
    <message>
        <source>Inspection report</source>
        <translation>检验报告</translation>
    </message>
    <message>
        <source>{name}, version {version}</source>
        <translation>{name}，版本 {version}</translation>
    </message>
    <message>
        <source>{reason} ({user}, {time})</source>
        <translation>{reason}（{user}，{time}）</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>photo attached</source>
        <translation>已附照片</translation>
    </message>
    <message>
        <source>photo attached, but its file {file} is missing or changed</source>
        <translation>已附照片，但照片文件 {file} 缺失或已被改动</translation>
    </message>
    <message>
        <source>Step {position}, {time}</source>
        <translation>第 {position} 步，{time}</translation>
    </message>
    <message>
        <source>Taken {time}</source>
        <translation>拍摄于 {time}</translation>
    </message>
    <message>
        <source>LPN</source>
        <translation>LPN</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>Serial number</source>
        <translation>序列号</translation>
    </message>
    <message>
        <source>RMA</source>
        <translation>退货单</translation>
    </message>
    <message>
        <source>Return reason</source>
        <translation>退货原因</translation>
    </message>
    <message>
        <source>Customer&apos;s words</source>
        <translation>顾客描述</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>Overridden from {grade}: {reason}</source>
        <translation>已从 {grade} 改判：{reason}</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>答案</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <source>Photos</source>
        <translation>照片</translation>
    </message>
    <message>
        <source>Inspector</source>
        <translation>质检员</translation>
    </message>
    <message>
        <source>Station</source>
        <translation>工位</translation>
    </message>
    <message>
        <source>Inspected</source>
        <translation>检验时间</translation>
    </message>
    <message>
        <source>Checklist</source>
        <translation>检验清单</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>合格</translation>
    </message>
    <message>
        <source>Cosmetic</source>
        <translation>外观瑕疵</translation>
    </message>
    <message>
        <source>Minor</source>
        <translation>轻微缺陷</translation>
    </message>
    <message>
        <source>Major</source>
        <translation>严重缺陷</translation>
    </message>
    <message>
        <source>Critical</source>
        <translation>致命缺陷</translation>
    </message>
    <message>
        <source>Disposition report</source>
        <extracomment>The key of a group without a value (no vendor, no reason, not graded) in the data files.</extracomment>
        <translation>处置报告</translation>
    </message>
    <message>
        <source>{start} to {end} ({days} days), dock {dock}</source>
        <translation>{start} 至 {end}（{days} 天），收货区 {dock}</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Other products ({count})</source>
        <translation>其他商品（{count}）</translation>
    </message>
    <message>
        <source>parcel received as an exception</source>
        <translation>作为异常收货的包裹</translation>
    </message>
    <message>
        <source>grade overridden</source>
        <translation>等级被改判</translation>
    </message>
    <message>
        <source>route chosen by a supervisor</source>
        <translation>去向由主管指定</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>分组</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>件数</translation>
    </message>
    <message>
        <source>Recovered value</source>
        <translation>回收价值</translation>
    </message>
    <message>
        <source>Scrap loss</source>
        <translation>报废损失</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>汇总</translation>
    </message>
    <message>
        <source>Units by disposition</source>
        <translation>按处置去向统计件数</translation>
    </message>
    <message>
        <source>Units by return reason</source>
        <translation>按退货原因统计件数</translation>
    </message>
    <message>
        <source>Units by vendor</source>
        <translation>按供应商统计件数</translation>
    </message>
    <message>
        <source>Units routed per day</source>
        <translation>每日分流件数</translation>
    </message>
    <message>
        <source>No unit was routed in this period.</source>
        <translation>此时段内没有分流任何商品。</translation>
    </message>
    <message>
        <source>page {number}</source>
        <translation>第 {number} 页</translation>
    </message>
    <message>
        <source>{hours} h</source>
        <translation>{hours} h</translation>
    </message>
    <message>
        <source>By disposition</source>
        <translation>按处置去向</translation>
    </message>
    <message>
        <source>By grade</source>
        <translation>按等级</translation>
    </message>
    <message>
        <source>By return reason</source>
        <translation>按退货原因</translation>
    </message>
    <message>
        <source>By vendor</source>
        <translation>按供应商</translation>
    </message>
    <message>
        <source>By category</source>
        <translation>按类别</translation>
    </message>
    <message>
        <source>By product (most units first)</source>
        <translation>按商品（件数多的在前）</translation>
    </message>
    <message>
        <source>By inspector</source>
        <translation>按质检员</translation>
    </message>
    <message>
        <source>Exceptions</source>
        <translation>异常</translation>
    </message>
    <message>
        <source>Overrides</source>
        <translation>人工更改</translation>
    </message>
    <message>
        <source>Units routed</source>
        <translation>已分流件数</translation>
    </message>
    <message>
        <source>of which restocked value</source>
        <translation>其中：重新入库价值</translation>
    </message>
    <message>
        <source>of which refurbish resale estimate</source>
        <translation>其中：翻新转售估值</translation>
    </message>
    <message>
        <source>of which vendor credit</source>
        <translation>其中：供应商返还</translation>
    </message>
    <message>
        <source>Net (recovered less scrap loss)</source>
        <translation>净值（回收价值减报废损失）</translation>
    </message>
    <message>
        <source>Dock-to-stock, median</source>
        <translation>到库上架时长（中位数）</translation>
    </message>
    <message>
        <source>Dock-to-stock, 90th percentile</source>
        <translation>到库上架时长（90% 分位数）</translation>
    </message>
    <message>
        <source>Units put away</source>
        <translation>已上架件数</translation>
    </message>
    <message>
        <source>Units not put away yet</source>
        <translation>尚未上架件数</translation>
    </message>
    <message>
        <source>Units with an exception</source>
        <translation>有异常的件数</translation>
    </message>
    <message>
        <source>Units with an override</source>
        <translation>经人工更改的件数</translation>
    </message>
</context>
<context>
    <name>ReportsTab</name>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>CSV file (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Save the disposition report</source>
        <translation>保存处置报告</translation>
    </message>
    <message>
        <source>Disposition report</source>
        <translation>处置报告</translation>
    </message>
    <message>
        <source>Last report saved</source>
        <translation>最近保存的报告</translation>
    </message>
    <message>
        <source>The units routed in the period by disposition, grade, reason, vendor, category, product and inspector, with recovered value and dock-to-stock time.</source>
        <translation>该时段内已分流的商品，按去向、等级、退货原因、供应商、类别、商品和质检员统计，并附回收价值和到库上架时长。</translation>
    </message>
    <message>
        <source>&amp;Period from</source>
        <translation>时段从(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;to</source>
        <translation>至(&amp;T)</translation>
    </message>
    <message>
        <source>F&amp;ormat</source>
        <translation>格式(&amp;O)</translation>
    </message>
    <message>
        <source>This week</source>
        <translation>本周</translation>
    </message>
    <message>
        <source>Last week</source>
        <translation>上周</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>本月</translation>
    </message>
    <message>
        <source>Last month</source>
        <translation>上月</translation>
    </message>
    <message>
        <source>PDF</source>
        <translation>PDF</translation>
    </message>
    <message>
        <source>CSV</source>
        <translation>CSV</translation>
    </message>
    <message>
        <source>Excel (XLSX)</source>
        <translation>Excel (XLSX)</translation>
    </message>
    <message>
        <source>&amp;Save report…</source>
        <translation>保存报告(&amp;S)…</translation>
    </message>
    <message>
        <source>Open report</source>
        <translation>打开报告</translation>
    </message>
    <message>
        <source>No report saved yet.</source>
        <translation>尚未保存报告。</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>报告</translation>
    </message>
    <message>
        <source>none moved yet</source>
        <translation>尚无商品上架</translation>
    </message>
    <message>
        <source>{hours} h</source>
        <translation>{hours} h</translation>
    </message>
    <message numerus="yes">
        <source>{start} to {end}: %n unit(s)</source>
        <translation>
            <numerusform>{start} 至 {end}：%n 件</numerusform>
        </translation>
    </message>
    <message>
        <source>Recovered value: {recovered}</source>
        <translation>回收价值：{recovered}</translation>
    </message>
    <message>
        <source>Scrap loss: {scrap_loss}</source>
        <translation>报废损失：{scrap_loss}</translation>
    </message>
    <message>
        <source>Dock-to-stock: median {median}, 90th percentile {p90}</source>
        <translation>到库上架时长：中位数 {median}，90% 分位数 {p90}</translation>
    </message>
    <message>
        <source>Making the report for {file}…</source>
        <translation>正在生成报告 {file}…</translation>
    </message>
    <message numerus="yes">
        <source>Saved {file} (%n unit(s)).</source>
        <translation>
            <numerusform>已保存 {file}（%n 件）。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RouteOverrideDialog</name>
    <message>
        <source>Change the route</source>
        <translation>更改去向</translation>
    </message>
    <message>
        <source>empty: where the rules send this route</source>
        <translation>留空：使用规则为该去向指定的库位</translation>
    </message>
    <message>
        <source>New route</source>
        <translation>新去向</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>库位</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Route changes are audited, and a new label is printed.</source>
        <translation>去向更改会被审计记录，并打印新标签。</translation>
    </message>
</context>
<context>
    <name>RoutesPanel</name>
    <message>
        <source>Routes</source>
        <translation>去向</translation>
    </message>
    <message>
        <source>When no rule matches</source>
        <translation>无规则匹配时</translation>
    </message>
    <message>
        <source>Location for {route}</source>
        <translation>{route} 的库位</translation>
    </message>
    <message>
        <source>{category} and {vendor} are filled in from the unit; a unit without a vendor gets NONE.</source>
        <translation>{category} 和 {vendor} 按商品信息填入；没有供应商的商品填为 NONE。</translation>
    </message>
    <message>
        <source>Expected recovery</source>
        <translation>预计回收</translation>
    </message>
    <message>
        <source>Restock (A only): share of the value</source>
        <translation>重新入库（仅 A 级）：占价值的比例</translation>
    </message>
    <message>
        <source>Refurbish: share of the value resold</source>
        <translation>翻新：转售所得占价值的比例</translation>
    </message>
    <message>
        <source>Vendor return: share of the cost credited</source>
        <translation>退回供应商：供应商返还占成本的比例</translation>
    </message>
    <message>
        <source>Scrap: share of the value a liquidator pays</source>
        <translation>报废：清仓收购商支付占价值的比例</translation>
    </message>
    <message>
        <source>e.g. 0.6</source>
        <translation>例如 0.6</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Refurbish cost</source>
        <translation>翻新成本</translation>
    </message>
    <message>
        <source>category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>cost</source>
        <translation>成本</translation>
    </message>
    <message>
        <source>Add or change</source>
        <translation>添加或修改</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>any other category</source>
        <translation>其他类别</translation>
    </message>
    <message>
        <source>the refurbish cost of {category}</source>
        <translation>{category} 的翻新成本</translation>
    </message>
</context>
<context>
    <name>Routing</name>
    <message>
        <source>restock</source>
        <translation>重新入库</translation>
    </message>
    <message>
        <source>refurbish</source>
        <translation>翻新</translation>
    </message>
    <message>
        <source>vendor return</source>
        <translation>退回供应商</translation>
    </message>
    <message>
        <source>scrap</source>
        <translation>报废</translation>
    </message>
    <message>
        <source>no rule matched: the default route</source>
        <translation>没有匹配的规则：使用默认去向</translation>
    </message>
    <message>
        <source>The grade must be A, B or C (found {value}).</source>
        <translation>等级必须是 A、B 或 C（实际为 {value}）。</translation>
    </message>
    <message>
        <source>The {field} must be an amount of 0 or more.</source>
        <translation>{field} 必须是不小于 0 的金额。</translation>
    </message>
    <message>
        <source>The vendor&apos;s return window cannot be negative.</source>
        <translation>供应商的退货期限不能为负数。</translation>
    </message>
    <message>
        <source>{route} recovers most ({amount}) of {routes}</source>
        <translation>在 {routes} 中，{route} 回收最多（{amount}）</translation>
    </message>
    <message>
        <source>grade {grade} is one of {allowed}</source>
        <translation>等级 {grade} 属于 {allowed}</translation>
    </message>
    <message>
        <source>category {category} is one of {allowed}</source>
        <translation>类别 {category} 属于 {allowed}</translation>
    </message>
    <message>
        <source>vendor {vendor} is one of {allowed}</source>
        <translation>供应商 {vendor} 属于 {allowed}</translation>
    </message>
    <message>
        <source>return reason {reason} is one of {allowed}</source>
        <translation>退货原因 {reason} 属于 {allowed}</translation>
    </message>
    <message>
        <source>parcel condition {condition} is one of {allowed}</source>
        <translation>包裹状况 {condition} 属于 {allowed}</translation>
    </message>
    <message>
        <source>vendor {vendor} takes returns</source>
        <translation>供应商 {vendor} 接受退货</translation>
    </message>
    <message>
        <source>vendor {vendor} takes no returns</source>
        <translation>供应商 {vendor} 不接受退货</translation>
    </message>
    <message>
        <source>{days} days since delivery, within the vendor&apos;s {window}-day window</source>
        <translation>签收后 {days} 天，在供应商 {window} 天的退货期限内</translation>
    </message>
    <message>
        <source>{days} days since delivery, outside the vendor&apos;s {window}-day window</source>
        <translation>签收后 {days} 天，超出供应商 {window} 天的退货期限</translation>
    </message>
    <message>
        <source>{days} days since delivery, in {low}..{high}</source>
        <translation>签收后 {days} 天，在 {low}..{high} 之间</translation>
    </message>
    <message>
        <source>value {value} in {low}..{high}</source>
        <translation>价值 {value}，在 {low}..{high} 之间</translation>
    </message>
    <message>
        <source>The file {file} cannot be read: {detail}</source>
        <translation>无法读取文件 {file}：{detail}</translation>
    </message>
    <message>
        <source>The key {key} appears twice in one object.</source>
        <translation>键 {key} 在同一个对象中出现了两次。</translation>
    </message>
    <message>
        <source>This is not valid JSON: {detail}</source>
        <translation>这不是有效的 JSON：{detail}</translation>
    </message>
    <message>
        <source>Routing rules must be a JSON object.</source>
        <translation>分流规则必须是一个 JSON 对象。</translation>
    </message>
    <message>
        <source>The rules have an unknown field {field}.</source>
        <translation>规则中有未知字段 {field}。</translation>
    </message>
    <message>
        <source>The rules have no {field}.</source>
        <translation>规则中缺少 {field}。</translation>
    </message>
    <message>
        <source>The name must be a non-empty text.</source>
        <translation>名称必须是非空文本。</translation>
    </message>
    <message>
        <source>The version must be a whole number of 1 or more (found {value}).</source>
        <translation>版本必须是不小于 1 的整数（实际为 {value}）。</translation>
    </message>
    <message>
        <source>The rules must be a list (it may be empty).</source>
        <translation>rules 必须是一个列表（可以为空）。</translation>
    </message>
    <message>
        <source>Rule {position} ({rule}): an earlier rule has this id.</source>
        <translation>第 {position} 条规则（{rule}）：前面已有规则使用这个 id。</translation>
    </message>
    <message>
        <source>the default</source>
        <translation>默认去向</translation>
    </message>
    <message>
        <source>{where}: {value} is not a route; use restock, refurbish, vendor_return or scrap.</source>
        <translation>{where}：{value} 不是有效去向；请使用 restock、refurbish、vendor_return 或 scrap。</translation>
    </message>
    <message>
        <source>The locations must map each route to a location.</source>
        <translation>locations 必须为每个去向指定一个库位。</translation>
    </message>
    <message>
        <source>the locations</source>
        <translation>库位设置</translation>
    </message>
    <message>
        <source>The locations give no location for {route}.</source>
        <translation>locations 中没有 {route} 的库位。</translation>
    </message>
    <message>
        <source>The location for {where} must be a text of 1 to 64 characters.</source>
        <translation>{where} 的库位必须是 1 到 64 个字符的文本。</translation>
    </message>
    <message>
        <source>The location {value} for {where} may only use {{category}} and {{vendor}}.</source>
        <translation>{where} 的库位 {value} 只能使用 {{category}} 和 {{vendor}}。</translation>
    </message>
    <message>
        <source>The location {value} for {where} can grow to {length} characters once the category and vendor are filled in; keep it to {limit}.</source>
        <translation>{where} 的库位 {value} 在填入类别和供应商后可能长达 {length} 个字符；请控制在 {limit} 个字符以内。</translation>
    </message>
    <message>
        <source>The recovery figures must be an object.</source>
        <translation>回收参数必须是一个对象。</translation>
    </message>
    <message>
        <source>The recovery figures have an unknown field {field}.</source>
        <translation>回收参数中有未知字段 {field}。</translation>
    </message>
    <message>
        <source>refurbish_cost must map categories (and default) to amounts.</source>
        <translation>refurbish_cost 必须把类别（以及 default）对应到金额。</translation>
    </message>
    <message>
        <source>{where} must be a number of 0 or more (found {value}).</source>
        <translation>{where} 必须是不小于 0 的数字（实际为 {value}）。</translation>
    </message>
    <message>
        <source>Rule {position} ({rule}) must be an object with id and when.</source>
        <translation>第 {position} 条规则（{rule}）必须是包含 id 和 when 的对象。</translation>
    </message>
    <message>
        <source>Rule {position} ({rule}): the id must start with a lower-case letter and hold only lower-case letters, digits and _.</source>
        <translation>第 {position} 条规则（{rule}）：id 必须以小写字母开头，且只能包含小写字母、数字和 _。</translation>
    </message>
    <message>
        <source>Rule {position} ({rule}) has an unknown field {field}.</source>
        <translation>第 {position} 条规则（{rule}）有未知字段 {field}。</translation>
    </message>
    <message>
        <source>Rule {position} ({rule}) needs either a route or a best_of list.</source>
        <translation>第 {position} 条规则（{rule}）需要一个 route 或一个 best_of 列表（二选一）。</translation>
    </message>
    <message>
        <source>Rule {position} ({rule}): best_of lists two or more routes.</source>
        <translation>第 {position} 条规则（{rule}）：best_of 需要列出两个或更多去向。</translation>
    </message>
    <message>
        <source>Rule {position} ({rule}): the note must be a text.</source>
        <translation>第 {position} 条规则（{rule}）：note 必须是文本。</translation>
    </message>
    <message>
        <source>Rule {position} ({rule}): when must be an object of conditions.</source>
        <translation>第 {position} 条规则（{rule}）：when 必须是由条件组成的对象。</translation>
    </message>
    <message>
        <source>Rule {position} ({rule}): {field} must be true or false.</source>
        <translation>第 {position} 条规则（{rule}）：{field} 必须是 true 或 false。</translation>
    </message>
    <message>
        <source>Rule {position} ({rule}): {field} must be a whole number of days.</source>
        <translation>第 {position} 条规则（{rule}）：{field} 必须是整数天数。</translation>
    </message>
    <message>
        <source>Rule {position} ({rule}): unknown condition {field}; use grade, category, vendor, reason, parcel_condition, vendor_accepts, within_vendor_window, min_days, max_days, min_value or max_value.</source>
        <translation>第 {position} 条规则（{rule}）：未知条件 {field}；请使用 grade、category、vendor、reason、parcel_condition、vendor_accepts、within_vendor_window、min_days、max_days、min_value 或 max_value。</translation>
    </message>
    <message>
        <source>Rule {position} ({rule}): a minimum ({low}) is above its maximum ({high}).</source>
        <translation>第 {position} 条规则（{rule}）：最小值（{low}）大于最大值（{high}）。</translation>
    </message>
    <message>
        <source>Rule {position} ({rule}): {field} must be a non-empty list of texts.</source>
        <translation>第 {position} 条规则（{rule}）：{field} 必须是非空的文本列表。</translation>
    </message>
    <message>
        <source>Rule {position} ({rule}): {field} may only hold {allowed}.</source>
        <translation>第 {position} 条规则（{rule}）：{field} 只能包含 {allowed}。</translation>
    </message>
    <message>
        <source>Route: {route} → {location}</source>
        <translation>去向：{route} → {location}</translation>
    </message>
    <message>
        <source>Why: {reasons}.</source>
        <translation>原因：{reasons}。</translation>
    </message>
    <message>
        <source>Why: rule {position} ({rule}): {reasons}.</source>
        <translation>原因：第 {position} 条规则（{rule}）：{reasons}。</translation>
    </message>
    <message>
        <source>Expected recovery:</source>
        <translation>预计回收：</translation>
    </message>
    <message>
        <source>Rules: {name}, version {version}.</source>
        <translation>规则：{name}，版本 {version}。</translation>
    </message>
    <message>
        <source>Otherwise: {route} → {location}</source>
        <translation>否则：{route} → {location}</translation>
    </message>
    <message>
        <source>whichever recovers most of {routes}</source>
        <translation>{routes} 中回收最多的一个</translation>
    </message>
    <message>
        <source>{category} is not a category: use lower-case letters, digits and _, starting with a letter.</source>
        <extracomment>Conditions that list the values they allow, in the order the editor shows them. Conditions that are true, false, or not asked (None). Inclusive bounds: whole days since delivery, and the unit&apos;s value. The recovery ratios, each a number of 0 or more (``docs/routing.md``). The key of ``refurbish_cost`` that applies to every category not listed. Values a list condition may hold, where the format limits them.</extracomment>
        <translation>{category} 不是有效的类别：请使用小写字母、数字和 _，并以字母开头。</translation>
    </message>
    <message>
        <source>The default refurbish cost cannot be removed: set it to 0 instead.</source>
        <translation>默认翻新成本不能删除：请改为设置为 0。</translation>
    </message>
    <message>
        <source>There is no vendor {vendor}; known: {known}.</source>
        <translation>没有供应商 {vendor}；已知：{known}。</translation>
    </message>
    <message>
        <source>There is no stored version {version} of the rules.</source>
        <translation>没有已保存的规则版本 {version}。</translation>
    </message>
    <message>
        <source>Say in a few words what you changed (at most {limit} characters).</source>
        <translation>请简要说明修改了什么（最多 {limit} 个字符）。</translation>
    </message>
    <message>
        <source>The name may be at most {limit} characters long.</source>
        <translation>名称最多 {limit} 个字符。</translation>
    </message>
    <message>
        <source>Nothing changed: these are the rules routing already uses.</source>
        <translation>没有任何改动：这些就是分流当前使用的规则。</translation>
    </message>
    <message>
        <source>Someone saved a new version of the rules while you were editing. Open the latest version and make your change there again.</source>
        <translation>在你编辑期间，已有人保存了规则的新版本。请打开最新版本，在其中重新修改。</translation>
    </message>
</context>
<context>
    <name>RuleForm</name>
    <message>
        <source>grade {values}</source>
        <translation>等级 {values}</translation>
    </message>
    <message>
        <source>category {values}</source>
        <translation>类别 {values}</translation>
    </message>
    <message>
        <source>vendor {values}</source>
        <translation>供应商 {values}</translation>
    </message>
    <message>
        <source>reason {values}</source>
        <translation>退货原因 {values}</translation>
    </message>
    <message>
        <source>parcel {values}</source>
        <translation>包裹 {values}</translation>
    </message>
    <message>
        <source>vendor takes returns</source>
        <translation>供应商接受退货</translation>
    </message>
    <message>
        <source>vendor takes no returns</source>
        <translation>供应商不接受退货</translation>
    </message>
    <message>
        <source>inside the vendor&apos;s window</source>
        <translation>在供应商退货期限内</translation>
    </message>
    <message>
        <source>outside the vendor&apos;s window</source>
        <translation>超出供应商退货期限</translation>
    </message>
    <message>
        <source>{low}–{high} days since delivery</source>
        <translation>签收后 {low}–{high} 天</translation>
    </message>
    <message>
        <source>at least {low} days since delivery</source>
        <translation>签收后至少 {low} 天</translation>
    </message>
    <message>
        <source>at most {high} days since delivery</source>
        <translation>签收后最多 {high} 天</translation>
    </message>
    <message>
        <source>value {low}–{high}</source>
        <translation>价值 {low}–{high}</translation>
    </message>
    <message>
        <source>value at least {low}</source>
        <translation>价值至少 {low}</translation>
    </message>
    <message>
        <source>value at most {high}</source>
        <translation>价值最多 {high}</translation>
    </message>
    <message>
        <source>every unit</source>
        <translation>所有商品</translation>
    </message>
    <message>
        <source>Rule id</source>
        <translation>规则 id</translation>
    </message>
    <message>
        <source>Send to</source>
        <translation>送往</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>库位</translation>
    </message>
    <message>
        <source>Why (note)</source>
        <translation>原因（备注）</translation>
    </message>
    <message>
        <source>Applies when (empty: any)</source>
        <translation>适用条件（留空：不限）</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Vendor</source>
        <translation>供应商</translation>
    </message>
    <message>
        <source>Return reason</source>
        <translation>退货原因</translation>
    </message>
    <message>
        <source>Parcel condition</source>
        <translation>包裹状况</translation>
    </message>
    <message>
        <source>Vendor takes returns</source>
        <translation>供应商接受退货</translation>
    </message>
    <message>
        <source>Inside the vendor&apos;s window</source>
        <translation>在供应商退货期限内</translation>
    </message>
    <message>
        <source>Days since delivery</source>
        <translation>签收后天数</translation>
    </message>
    <message>
        <source>Unit value</source>
        <translation>商品价值</translation>
    </message>
    <message>
        <source>Route</source>
        <translation>去向</translation>
    </message>
    <message>
        <source>Whichever recovers most of</source>
        <translation>以下去向中回收最多的</translation>
    </message>
    <message>
        <source>empty: the route&apos;s location; may use {category} and {vendor}</source>
        <translation>留空：使用该去向的库位；可使用 {category} 和 {vendor}</translation>
    </message>
    <message>
        <source>why this rule exists</source>
        <translation>设立这条规则的原因</translation>
    </message>
    <message>
        <source>any; several separated by commas</source>
        <translation>不限；多个用逗号分隔</translation>
    </message>
    <message>
        <source>at least</source>
        <translation>至少</translation>
    </message>
    <message>
        <source>at most</source>
        <translation>最多</translation>
    </message>
    <message>
        <source>either</source>
        <translation>不限</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>the fewest days since delivery</source>
        <translation>签收后最少天数</translation>
    </message>
    <message>
        <source>the most days since delivery</source>
        <translation>签收后最多天数</translation>
    </message>
    <message>
        <source>the lowest unit value</source>
        <translation>最低商品价值</translation>
    </message>
    <message>
        <source>the highest unit value</source>
        <translation>最高商品价值</translation>
    </message>
</context>
<context>
    <name>RulesEditorDialog</name>
    <message>
        <source>Routing rules</source>
        <translation>分流规则</translation>
    </message>
    <message>
        <source>Rules</source>
        <translation>规则</translation>
    </message>
    <message>
        <source>Routes and recovery</source>
        <translation>去向与回收</translation>
    </message>
    <message>
        <source>Try a unit</source>
        <translation>试算商品</translation>
    </message>
    <message>
        <source>History</source>
        <translation>历史版本</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Tried from the top: the first rule whose conditions all hold decides.</source>
        <translation>从上往下依次检查：第一条所有条件都满足的规则决定去向。</translation>
    </message>
    <message>
        <source>Add rule</source>
        <translation>添加规则</translation>
    </message>
    <message>
        <source>Remove rule</source>
        <translation>删除规则</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>上移</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>下移</translation>
    </message>
    <message>
        <source>What changed</source>
        <translation>修改说明</translation>
    </message>
    <message>
        <source>e.g. cosmetic units go to the outlet from now on</source>
        <translation>例如：今后有外观瑕疵的商品送往折扣店</translation>
    </message>
    <message>
        <source>Save as new version</source>
        <translation>保存为新版本</translation>
    </message>
    <message>
        <source>Discard changes</source>
        <translation>放弃修改</translation>
    </message>
    <message>
        <source>Edit from this version</source>
        <translation>基于此版本编辑</translation>
    </message>
    <message>
        <source>Stored versions never change: every routed unit keeps the version that routed it. Editing from an older version and saving makes it the newest version again.</source>
        <translation>已保存的版本永远不会改变：每件已分流的商品都保留分流它时所用的版本。基于旧版本编辑并保存后，它会再次成为最新版本。</translation>
    </message>
    <message>
        <source>(no id yet)</source>
        <translation>（尚无 id）</translation>
    </message>
    <message>
        <source>whichever recovers most of {routes}</source>
        <translation>{routes} 中回收最多的一个</translation>
    </message>
    <message>
        <source>Editing version {base}: saving makes version {version}</source>
        <translation>正在编辑版本 {base}：保存后成为版本 {version}</translation>
    </message>
    <message>
        <source>No rules stored yet: saving makes version 1</source>
        <translation>尚未保存任何规则：保存后成为版本 1</translation>
    </message>
    <message>
        <source>Rule {position} ({rule}): {field} is not a number.</source>
        <translation>第 {position} 条规则（{rule}）：{field} 不是数字。</translation>
    </message>
    <message>
        <source>Routes and recovery: {field} is not a number.</source>
        <translation>去向与回收：{field} 不是数字。</translation>
    </message>
    <message>
        <source>No changes yet.</source>
        <translation>尚无改动。</translation>
    </message>
    <message>
        <source>The rules can be saved, but rule {position} ({rule}) has no conditions: every unit stops there and the rules below it are never used.</source>
        <translation>规则可以保存，但第 {position} 条规则（{rule}）没有条件：所有商品都会停在这条规则，它下面的规则永远不会被用到。</translation>
    </message>
    <message>
        <source>The rules check: say what changed, then save.</source>
        <translation>规则检查通过：请填写修改说明，然后保存。</translation>
    </message>
    <message>
        <source>The rules check and can be saved.</source>
        <translation>规则检查通过，可以保存。</translation>
    </message>
    <message>
        <source>The routing rules have changes that are not saved. Discard them?</source>
        <translation>分流规则有尚未保存的修改。要放弃这些修改吗？</translation>
    </message>
    <message>
        <source>Saved as version {version}. Units graded from now on are routed by it.</source>
        <translation>已保存为版本 {version}。今后定级的商品都按此版本分流。</translation>
    </message>
</context>
<context>
    <name>RulesVersionsModel</name>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>保存时间</translation>
    </message>
    <message>
        <source>Saved by</source>
        <translation>保存人</translation>
    </message>
    <message>
        <source>What changed</source>
        <translation>修改说明</translation>
    </message>
    <message>
        <source>Units routed</source>
        <translation>已分流件数</translation>
    </message>
    <message>
        <source>shipped with the app</source>
        <translation>程序自带</translation>
    </message>
</context>
<context>
    <name>Scan</name>
    <message>
        <source>Nothing was read. Scan the barcode again.</source>
        <translation>什么也没读到。请重新扫描条码。</translation>
    </message>
    <message>
        <source>The scan is too long ({length} characters) to be one label. Scan one barcode at a time, holding the scanner over it.</source>
        <translation>扫描内容太长（{length} 个字符），不像是一个标签。请一次只扫一个条码，把扫描枪对准它。</translation>
    </message>
    <message>
        <source>&quot;{text}&quot; is not a tracking, RMA, order, LPN or product number. Scan the barcode again, or type the number printed under it.</source>
        <translation>“{text}”不是快递单号、退货单号、订单号、LPN 或商品编号。请重新扫描条码，或输入条码下方印的号码。</translation>
    </message>
    <message>
        <source>&quot;{text}&quot; is not a known number. If it is a product barcode, its check digit is wrong: scan it again, or type the number printed under it.</source>
        <translation>“{text}”不是已知的号码。如果是商品条码，它的校验位不对：请重新扫描，或输入条码下方印的号码。</translation>
    </message>
    <message>
        <source>The product barcode {value} has a wrong check digit, so it was misread. Scan it again, or type the number printed under it.</source>
        <translation>商品条码 {value} 的校验位不对，读错了。请重新扫描，或输入条码下方印的号码。</translation>
    </message>
    <message>
        <source>The carton number (SSCC) {value} has a wrong check digit, so it was misread. Scan it again, or type the number printed under it.</source>
        <translation>箱号（SSCC）{value} 的校验位不对，读错了。请重新扫描，或输入条码下方印的号码。</translation>
    </message>
    <message>
        <source>{value} looks like a {couriers} tracking number, but its check digit or country code is wrong. Scan it again, or type the number from the label.</source>
        <translation>{value} 看起来像 {couriers} 的快递单号，但校验位或国家代码不对。请重新扫描，或输入面单上的号码。</translation>
    </message>
    <message>
        <source>This GS1 barcode could not be read. Scan it again; if it fails again, scan the product barcode (EAN/UPC) or type its number.</source>
        <translation>无法读取这个 GS1 条码。请重新扫描；如果仍然失败，请扫描商品条码（EAN/UPC）或输入其号码。</translation>
    </message>
    <message>
        <source>This GS1 barcode holds no product (GTIN) or carton (SSCC) number. Scan the other barcode on the label.</source>
        <translation>这个 GS1 条码里没有商品号（GTIN）或箱号（SSCC）。请扫描标签上的另一个条码。</translation>
    </message>
    <message>
        <source>This is the carrier&apos;s square 2D code. Scan the long tracking-number barcode on the same label instead.</source>
        <translation>这是快递公司的方形二维码。请改扫同一面单上长条形的快递单号条码。</translation>
    </message>
    <message>
        <source>This scan could not be interpreted because of a program error (it has been logged). Scan it again, or type the number.</source>
        <translation>由于程序错误，无法解析这次扫描（已记录日志）。请重新扫描，或输入号码。</translation>
    </message>
</context>
<context>
    <name>ScanSheet</name>
    <message>
        <source>Badges: log in</source>
        <translation>工牌：登录</translation>
    </message>
    <message>
        <source>Parcels: tracking numbers</source>
        <translation>包裹：快递单号</translation>
    </message>
    <message>
        <source>RMA numbers (from the packing slip)</source>
        <translation>退货单号（装箱单上）</translation>
    </message>
    <message>
        <source>Order numbers</source>
        <translation>订单号</translation>
    </message>
    <message>
        <source>Units: product barcodes and serial numbers</source>
        <translation>商品：商品条码和序列号</translation>
    </message>
    <message>
        <source>Wrong items: not on the RMA&apos;s order</source>
        <translation>错货：不在退货单对应的订单中</translation>
    </message>
    <message>
        <source>Badge: {name} ({role})</source>
        <translation>工牌：{name}（{role}）</translation>
    </message>
    <message>
        <source>{courier} parcel for {rma}</source>
        <translation>{rma} 的 {courier} 包裹</translation>
    </message>
    <message>
        <source>{rma}: order {order}, {reason}</source>
        <translation>{rma}：订单 {order}，{reason}</translation>
    </message>
    <message>
        <source>Order {order}: {count} open RMA(s)</source>
        <translation>订单 {order}：{count} 个未完成的退货单</translation>
    </message>
    <message>
        <source>{rma}: {product} ({sku}) x {quantity}</source>
        <translation>{rma}：{product}（{sku}）× {quantity}</translation>
    </message>
    <message>
        <source>{rma}: serial of {product}</source>
        <translation>{rma}：{product} 的序列号</translation>
    </message>
    <message>
        <source>{rma}: {product} ({sku}), not on the order</source>
        <translation>{rma}：{product}（{sku}），不在订单中</translation>
    </message>
</context>
<context>
    <name>StationHeader</name>
    <message>
        <source>DEMO DATABASE: practice only, nothing here is real</source>
        <translation>演示数据库：仅供练习，这里的数据都不是真实的</translation>
    </message>
    <message>
        <source>Not logged in</source>
        <translation>未登录</translation>
    </message>
    <message>
        <source>{name} ({role})</source>
        <translation>{name}（{role}）</translation>
    </message>
</context>
<context>
    <name>StationPage</name>
    <message>
        <source>Not saved: the database is busy or out of reach. Try again in a moment.</source>
        <translation>未保存：数据库繁忙或无法连接。请稍后再试。</translation>
    </message>
</context>
<context>
    <name>StepForm</name>
    <message>
        <source>Yes / no</source>
        <translation>是 / 否</translation>
    </message>
    <message>
        <source>Choice</source>
        <translation>选择</translation>
    </message>
    <message>
        <source>Measurement</source>
        <translation>测量</translation>
    </message>
    <message>
        <source>Photo</source>
        <translation>照片</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Step id</source>
        <translation>步骤 id</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Question (中文)</source>
        <translation>问题（中文）</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>帮助说明</translation>
    </message>
    <message>
        <source>Help (中文)</source>
        <translation>帮助说明（中文）</translation>
    </message>
    <message>
        <source>A failure is</source>
        <translation>不通过时为</translation>
    </message>
    <message>
        <source>Allowed range</source>
        <translation>允许范围</translation>
    </message>
    <message>
        <source>lowest</source>
        <translation>最小值</translation>
    </message>
    <message>
        <source>highest</source>
        <translation>最大值</translation>
    </message>
    <message>
        <source>unit, e.g. %</source>
        <translation>单位，例如 %</translation>
    </message>
    <message>
        <source>An answer is required</source>
        <translation>必须回答</translation>
    </message>
    <message>
        <source>Step ids are stored with the answers: keep them when you only reword a question.</source>
        <translation>步骤 id 与答案一起保存：如果只是改写问题的措辞，请保留原来的 id。</translation>
    </message>
</context>
<context>
    <name>SupervisorPage</name>
    <message>
        <source>Ready to scan.</source>
        <translation>可以扫描了。</translation>
    </message>
    <message>
        <source>Supervisor&apos;s desk {code} · {name}</source>
        <translation>主管工作台 {code} · {name}</translation>
    </message>
    <message>
        <source>Scan your badge here</source>
        <translation>在此扫描工牌</translation>
    </message>
    <message>
        <source>The supervisor&apos;s desk: the dashboard, approvals, exceptions, ageing, vendor returns and reports. It opens for supervisors and admins.</source>
        <translation>主管工作台：看板、审批、异常、滞留、退回供应商和报告。仅供主管和管理员使用。</translation>
    </message>
    <message>
        <source>Log in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Log out</source>
        <translation>退出登录</translation>
    </message>
    <message>
        <source>Scan a supervisor&apos;s badge (or press F2 to log in with name and PIN).</source>
        <translation>扫描主管工牌（或按 F2 用用户名和 PIN 码登录）。</translation>
    </message>
    <message>
        <source>F5 refreshes now; the desk also refreshes every 30 seconds.</source>
        <translation>按 F5 立即刷新；工作台也会每 30 秒自动刷新一次。</translation>
    </message>
</context>
<context>
    <name>TrendChart</name>
    <message numerus="yes">
        <source>{caption}, {day}: %n unit(s)</source>
        <translation>
            <numerusform>{caption}，{day}：%n 件</numerusform>
        </translation>
    </message>
    <message>
        <source>No returns in this period</source>
        <translation>此时段内没有退货</translation>
    </message>
</context>
<context>
    <name>TryPanel</name>
    <message>
        <source>A unit</source>
        <translation>一件商品</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>价值</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>成本</translation>
    </message>
    <message>
        <source>Vendor</source>
        <translation>供应商</translation>
    </message>
    <message>
        <source>Vendor takes returns</source>
        <translation>供应商接受退货</translation>
    </message>
    <message>
        <source>Vendor&apos;s window</source>
        <translation>供应商退货期限</translation>
    </message>
    <message>
        <source>Days since delivery</source>
        <translation>签收后天数</translation>
    </message>
    <message>
        <source>Return reason</source>
        <translation>退货原因</translation>
    </message>
    <message>
        <source>Parcel condition</source>
        <translation>包裹状况</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>empty: not delivered</source>
        <translation>留空：未签收</translation>
    </message>
    <message>
        <source>not known</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>Route</source>
        <translation>去向</translation>
    </message>
    <message>
        <source>Recovers</source>
        <translation>回收金额</translation>
    </message>
    <message>
        <source>With the rules being edited</source>
        <translation>按正在编辑的规则</translation>
    </message>
    <message>
        <source>Fill in the unit: the value, cost and days are numbers.</source>
        <translation>请填写商品信息：价值、成本和天数必须是数字。</translation>
    </message>
    <message>
        <source>{route} → {location}</source>
        <translation>{route} → {location}</translation>
    </message>
    <message>
        <source>No rule matched: the default route.</source>
        <translation>没有匹配的规则：使用默认去向。</translation>
    </message>
    <message>
        <source>Rule {position} ({rule})</source>
        <translation>第 {position} 条规则（{rule}）</translation>
    </message>
    <message>
        <source>Why:</source>
        <translation>原因：</translation>
    </message>
    <message>
        <source>The rules in use (version {version}) send it to {route} → {location}.</source>
        <translation>当前使用的规则（版本 {version}）会把它送往 {route} → {location}。</translation>
    </message>
</context>
<context>
    <name>UnitPanel</name>
    <message>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>Serial</source>
        <translation>序列号</translation>
    </message>
    <message>
        <source>RMA</source>
        <translation>退货单</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Checklist</source>
        <translation>检验清单</translation>
    </message>
    <message>
        <source>The customer says — check this first:</source>
        <translation>顾客描述——请先检查这一点：</translation>
    </message>
    <message>
        <source>Photos: {count}</source>
        <translation>照片：{count} 张</translation>
    </message>
    <message>
        <source>Photos: none (F4 takes one)</source>
        <translation>照片：无（按 F4 拍照）</translation>
    </message>
    <message>
        <source>Scan a unit&apos;s LPN to inspect it.</source>
        <translation>扫描商品的 LPN 开始检验。</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>{serial} (sold: {sold})</source>
        <translation>{serial}（售出：{sold}）</translation>
    </message>
    <message>
        <source>no RMA</source>
        <translation>无退货单</translation>
    </message>
    <message>
        <source>{name} v{version}</source>
        <translation>{name} v{version}</translation>
    </message>
    <message>
        <source>(no words given)</source>
        <translation>（顾客未填写描述）</translation>
    </message>
</context>
<context>
    <name>UnitsBehindModel</name>
    <message>
        <source>LPN</source>
        <translation>LPN</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>Disposition</source>
        <translation>去向</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>库位</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>收货时间</translation>
    </message>
</context>
<context>
    <name>VendorReturns</name>
    <message>
        <source>Type the vendor&apos;s RMA number: 1 to {limit} printable characters.</source>
        <translation>请输入供应商的 RMA 号：1 到 {limit} 个可打印字符。</translation>
    </message>
    <message>
        <source>Name the carrier: 1 to {limit} printable characters.</source>
        <translation>请填写承运商：1 到 {limit} 个可打印字符。</translation>
    </message>
    <message>
        <source>A tracking number is at most {limit} printable characters.</source>
        <translation>快递单号最多 {limit} 个可打印字符。</translation>
    </message>
    <message>
        <source>The shipping date {date} is in the future: give the day it left.</source>
        <translation>发货日期 {date} 是将来的日期：请填写实际发出的日期。</translation>
    </message>
    <message>
        <source>Batch {batch} is {state} (by {user}), not {wanted}: nothing changed.</source>
        <translation>批次 {batch} 当前为{state}（{user} 操作），而不是{wanted}：未做任何更改。</translation>
    </message>
    <message>
        <source>Batch {batch} has no units: there is nothing to close.</source>
        <translation>批次 {batch} 中没有商品：无可关闭。</translation>
    </message>
    <message>
        <source>Batch {batch} has no vendor RMA number: ask the vendor for one and record it first.</source>
        <translation>批次 {batch} 还没有供应商 RMA 号：请先向供应商索取并录入。</translation>
    </message>
    <message>
        <source>{cartons} cartons will not do: give 1 to {limit} (one unit at least each).</source>
        <translation>{cartons} 箱不可用：请填写 1 到 {limit}（每箱至少一件）。</translation>
    </message>
    <message>
        <source>Batch {batch} cannot be closed: the dock has no GS1 company prefix for SSCCs. Set it with `receiving-app rtv prefix --set 0614141` (your own prefix, from GS1).</source>
        <translation>批次 {batch} 无法关闭：收货区尚未设置用于 SSCC 的 GS1 厂商识别代码。请用 `receiving-app rtv prefix --set 0614141` 设置（填写贵公司从 GS1 获得的代码）。</translation>
    </message>
    <message>
        <source>Vendor return manifest</source>
        <extracomment>The CSV&apos;s columns, in order: a contract with the vendors&apos; systems.</extracomment>
        <translation>退回供应商发货清单</translation>
    </message>
    <message>
        <source>Page {number} of {count}</source>
        <translation>第 {number} 页，共 {count} 页</translation>
    </message>
    <message>
        <source>Vendor</source>
        <translation>供应商</translation>
    </message>
    <message>
        <source>Vendor RMA</source>
        <translation>供应商 RMA</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>关闭时间</translation>
    </message>
    <message>
        <source>Shipped</source>
        <translation>发货</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>件数</translation>
    </message>
    <message>
        <source>Cartons</source>
        <translation>箱数</translation>
    </message>
    <message>
        <source>Total cost</source>
        <translation>总成本</translation>
    </message>
    <message>
        <source>open</source>
        <translation>进行中</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <source>shipped</source>
        <translation>已发货</translation>
    </message>
    <message>
        <source>Carton</source>
        <translation>箱序号</translation>
    </message>
    <message>
        <source>LPN</source>
        <translation>LPN</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Serial</source>
        <translation>序列号</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>退货原因</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>成本</translation>
    </message>
    <message>
        <source>The GS1 company prefix {prefix} is not {low} to {high} digits: type it as GS1 issued it.</source>
        <extracomment>Extension digit, company prefix and serial reference together: the SSCC less its check digit.</extracomment>
        <translation>GS1 厂商识别代码 {prefix} 不是 {low} 到 {high} 位数字：请按 GS1 分配的原样输入。</translation>
    </message>
    <message>
        <source>The SSCC extension digit {extension} is not a digit from 0 to 9.</source>
        <translation>SSCC 扩展位 {extension} 不是 0 到 9 之间的数字。</translation>
    </message>
    <message>
        <source>Every SSCC serial of company prefix {prefix} (up to {limit}) is used: set a new prefix.</source>
        <translation>厂商识别代码 {prefix} 下的 SSCC 序列号（最多 {limit} 个）已全部用完：请设置新的厂商识别代码。</translation>
    </message>
    <message>
        <source>There is no vendor-return batch {batch}: `receiving-app rtv list` lists them.</source>
        <translation>没有退回供应商批次 {batch}：可用 `receiving-app rtv list` 列出所有批次。</translation>
    </message>
</context>
<context>
    <name>VendorReturnsTab</name>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>CSV file (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Save {file}</source>
        <translation>保存 {file}</translation>
    </message>
    <message>
        <source>Vendor returns ({count} open)</source>
        <translation>退回供应商（{count} 个进行中）</translation>
    </message>
    <message numerus="yes">
        <source>%n unit(s)</source>
        <translation>
            <numerusform>%n 件</numerusform>
        </translation>
    </message>
    <message>
        <source>{batch} for {vendor}: {units}, total cost {cost}</source>
        <translation>{batch}（{vendor}）：{units}，总成本 {cost}</translation>
    </message>
    <message numerus="yes">
        <source>%n carton(s)</source>
        <translation>
            <numerusform>%n 箱</numerusform>
        </translation>
    </message>
    <message>
        <source>{batch} for {vendor}: {units} in {cartons}, total cost {cost}</source>
        <translation>{batch}（{vendor}）：{units}，分装 {cartons}，总成本 {cost}</translation>
    </message>
    <message>
        <source>none set</source>
        <translation>未设置</translation>
    </message>
    <message>
        <source>{prefix} (extension {extension})</source>
        <translation>{prefix}（扩展位 {extension}）</translation>
    </message>
    <message>
        <source>S&amp;how</source>
        <translation>显示(&amp;H)</translation>
    </message>
    <message>
        <source>Open and closed (to do)</source>
        <translation>进行中和已关闭（待处理）</translation>
    </message>
    <message>
        <source>Shipped</source>
        <translation>已发货</translation>
    </message>
    <message>
        <source>All batches</source>
        <translation>全部批次</translation>
    </message>
    <message>
        <source>GS1 company prefix:</source>
        <translation>GS1 厂商识别代码：</translation>
    </message>
    <message>
        <source>(closing a batch needs one)</source>
        <translation>（关闭批次时必须设置）</translation>
    </message>
    <message>
        <source>7 to 10 digits</source>
        <translation>7 到 10 位数字</translation>
    </message>
    <message>
        <source>Set &amp;prefix</source>
        <translation>设置代码(&amp;P)</translation>
    </message>
    <message>
        <source>Open batch</source>
        <translation>进行中的批次</translation>
    </message>
    <message>
        <source>Vendor&apos;s RMA number</source>
        <translation>供应商的 RMA 号</translation>
    </message>
    <message>
        <source>Set &amp;RMA</source>
        <translation>设置 RMA(&amp;R)</translation>
    </message>
    <message>
        <source> carton(s)</source>
        <translation> 箱</translation>
    </message>
    <message>
        <source>&amp;Close batch</source>
        <translation>关闭批次(&amp;C)</translation>
    </message>
    <message>
        <source>Paperwork</source>
        <translation>单据</translation>
    </message>
    <message>
        <source>&amp;Manifest PDF</source>
        <translation>发货清单 PDF(&amp;M)</translation>
    </message>
    <message>
        <source>Manifest CS&amp;V</source>
        <translation>发货清单 CSV(&amp;V)</translation>
    </message>
    <message>
        <source>Carton &amp;labels</source>
        <translation>箱标签(&amp;L)</translation>
    </message>
    <message>
        <source>Shipment</source>
        <translation>发货</translation>
    </message>
    <message>
        <source>Carrier</source>
        <translation>承运商</translation>
    </message>
    <message>
        <source>Tracking number (optional)</source>
        <translation>快递单号（可选）</translation>
    </message>
    <message>
        <source>&amp;Ship</source>
        <translation>发货(&amp;S)</translation>
    </message>
    <message>
        <source>Vendor RMA {rma} recorded for {batch}.</source>
        <translation>已为 {batch} 记录供应商 RMA 号 {rma}。</translation>
    </message>
    <message numerus="yes">
        <source>Closed {batch} into %n carton(s): {ssccs}. The carton labels were sent to the printer.</source>
        <translation>
            <numerusform>已将 {batch} 关闭并分为 %n 箱：{ssccs}。箱标签已发送到打印机。</numerusform>
        </translation>
    </message>
    <message>
        <source>{batch} shipped on {date} with {carrier}.</source>
        <translation>{batch} 已于 {date} 由 {carrier} 发货。</translation>
    </message>
    <message>
        <source>Saved {file}.</source>
        <translation>已保存 {file}。</translation>
    </message>
    <message>
        <source>Company prefix set to {prefix}.</source>
        <translation>厂商识别代码已设为 {prefix}。</translation>
    </message>
</context>
<context>
    <name>VersionedEditorDialog</name>
    <message>
        <source>Unsaved changes</source>
        <translation>未保存的修改</translation>
    </message>
</context>
</TS>
