# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'passphrase_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QCheckBox, QDialog,
    QDialogButtonBox, QFormLayout, QLabel, QLineEdit,
    QProgressBar, QSizePolicy, QSpacerItem, QVBoxLayout,
    QWidget)

class Ui_PassphraseDialog(object):
    def setupUi(self, PassphraseDialog):
        if not PassphraseDialog.objectName():
            PassphraseDialog.setObjectName(u"PassphraseDialog")
        PassphraseDialog.resize(580, 380)
        self.mainLayout = QVBoxLayout(PassphraseDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.introLabel = QLabel(PassphraseDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setTextFormat(Qt.PlainText)
        self.introLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.introLabel)

        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.currentLabel = QLabel(PassphraseDialog)
        self.currentLabel.setObjectName(u"currentLabel")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.currentLabel)

        self.currentEdit = QLineEdit(PassphraseDialog)
        self.currentEdit.setObjectName(u"currentEdit")
        self.currentEdit.setEchoMode(QLineEdit.Password)

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.currentEdit)

        self.passphraseLabel = QLabel(PassphraseDialog)
        self.passphraseLabel.setObjectName(u"passphraseLabel")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.passphraseLabel)

        self.passphraseEdit = QLineEdit(PassphraseDialog)
        self.passphraseEdit.setObjectName(u"passphraseEdit")
        self.passphraseEdit.setEchoMode(QLineEdit.Password)

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.passphraseEdit)

        self.confirmLabel = QLabel(PassphraseDialog)
        self.confirmLabel.setObjectName(u"confirmLabel")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.confirmLabel)

        self.confirmEdit = QLineEdit(PassphraseDialog)
        self.confirmEdit.setObjectName(u"confirmEdit")
        self.confirmEdit.setEchoMode(QLineEdit.Password)

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.confirmEdit)


        self.mainLayout.addLayout(self.form)

        self.rotateCheck = QCheckBox(PassphraseDialog)
        self.rotateCheck.setObjectName(u"rotateCheck")

        self.mainLayout.addWidget(self.rotateCheck)

        self.rotateHelp = QLabel(PassphraseDialog)
        self.rotateHelp.setObjectName(u"rotateHelp")
        self.rotateHelp.setTextFormat(Qt.PlainText)
        self.rotateHelp.setWordWrap(True)

        self.mainLayout.addWidget(self.rotateHelp)

        self.errorLabel = QLabel(PassphraseDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setTextFormat(Qt.PlainText)
        self.errorLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.errorLabel)

        self.busyBar = QProgressBar(PassphraseDialog)
        self.busyBar.setObjectName(u"busyBar")
        self.busyBar.setMaximum(0)
        self.busyBar.setTextVisible(False)

        self.mainLayout.addWidget(self.busyBar)

        self.verticalSpacer = QSpacerItem(20, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.mainLayout.addItem(self.verticalSpacer)

        self.buttonBox = QDialogButtonBox(PassphraseDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.currentLabel.setBuddy(self.currentEdit)
        self.passphraseLabel.setBuddy(self.passphraseEdit)
        self.confirmLabel.setBuddy(self.confirmEdit)
        self.rotateHelp.setBuddy(self.rotateCheck)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.currentEdit, self.passphraseEdit)
        QWidget.setTabOrder(self.passphraseEdit, self.confirmEdit)
        QWidget.setTabOrder(self.confirmEdit, self.rotateCheck)

        self.retranslateUi(PassphraseDialog)

        QMetaObject.connectSlotsByName(PassphraseDialog)
    # setupUi

    def retranslateUi(self, PassphraseDialog):
        PassphraseDialog.setWindowTitle(QCoreApplication.translate("PassphraseDialog", u"Change the passphrase", None))
        self.introLabel.setText(QCoreApplication.translate("PassphraseDialog", u"The passphrase protects the key that encrypts everything in this data folder. Afterwards, make a new backup of key.json.", None))
        self.currentLabel.setText(QCoreApplication.translate("PassphraseDialog", u"&Current passphrase:", None))
        self.passphraseLabel.setText(QCoreApplication.translate("PassphraseDialog", u"&New passphrase:", None))
        self.confirmLabel.setText(QCoreApplication.translate("PassphraseDialog", u"&Repeat the new passphrase:", None))
        self.rotateCheck.setText(QCoreApplication.translate("PassphraseDialog", u"Also replace the &encryption key", None))
        self.rotateHelp.setText(QCoreApplication.translate("PassphraseDialog", u"A new passphrase alone keeps the same key: an old copy of key.json still opens the data with the old passphrase. Replacing the key encrypts the database and every evidence file again, so old copies of key.json open nothing. The window closes while this is done, and opens again after.", None))
    # retranslateUi

