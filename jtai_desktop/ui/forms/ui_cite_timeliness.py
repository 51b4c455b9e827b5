# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'cite_timeliness.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QApplication, QDialog, QDialogButtonBox,
    QFormLayout, QLabel, QListView, QSizePolicy,
    QVBoxLayout, QWidget)

class Ui_CiteTimelinessDialog(object):
    def setupUi(self, CiteTimelinessDialog):
        if not CiteTimelinessDialog.objectName():
            CiteTimelinessDialog.setObjectName(u"CiteTimelinessDialog")
        CiteTimelinessDialog.resize(520, 360)
        self.dialogLayout = QVBoxLayout(CiteTimelinessDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.citeForm = QFormLayout()
        self.citeForm.setObjectName(u"citeForm")
        self.citeForm.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.citeIntro = QLabel(CiteTimelinessDialog)
        self.citeIntro.setObjectName(u"citeIntro")
        self.citeIntro.setWordWrap(True)

        self.citeForm.setWidget(0, QFormLayout.ItemRole.SpanningRole, self.citeIntro)

        self.findingsLabel = QLabel(CiteTimelinessDialog)
        self.findingsLabel.setObjectName(u"findingsLabel")

        self.citeForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.findingsLabel)

        self.findingsView = QListView(CiteTimelinessDialog)
        self.findingsView.setObjectName(u"findingsView")

        self.citeForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.findingsView)


        self.dialogLayout.addLayout(self.citeForm)

        self.buttonBox = QDialogButtonBox(CiteTimelinessDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.dialogLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.findingsLabel.setBuddy(self.findingsView)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(CiteTimelinessDialog)
        self.buttonBox.accepted.connect(CiteTimelinessDialog.accept)
        self.buttonBox.rejected.connect(CiteTimelinessDialog.reject)

        QMetaObject.connectSlotsByName(CiteTimelinessDialog)
    # setupUi

    def retranslateUi(self, CiteTimelinessDialog):
        CiteTimelinessDialog.setWindowTitle(QCoreApplication.translate("CiteTimelinessDialog", u"Cite the front door's timings", None))
        self.citeIntro.setText(QCoreApplication.translate("CiteTimelinessDialog", u"The timings as they stand today are kept as an evidence item (counts only, no child named) and cited by the findings you tick.", None))
        self.findingsLabel.setText(QCoreApplication.translate("CiteTimelinessDialog", u"&Findings:", None))
#if QT_CONFIG(accessibility)
        self.findingsView.setAccessibleName(QCoreApplication.translate("CiteTimelinessDialog", u"Findings that cite the timings", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

